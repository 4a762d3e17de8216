using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tests.Instances;

public sealed class QueryOutputDecoderTests
{
    // An 8x8 mask grid over a 32x32 input and photo: every cell is 4x4 pixels. A cell rectangle of logits +4
    // in -4 crosses zero half-way between cell centres, on the cell border, so its photo mask is the
    // rectangle scaled by 4 exactly.
    private const int Grid = 8;
    private static readonly InputFit s_square = InputFit.Create(ResizeMode.Stretch, 32, 32, 32, 32);

    [Fact]
    public void Decode_IdenticalMasks_KeepsOnlyTheHigherScore()
    {
        FloatTensor masks = InstanceTensors.Masks(2, Grid, Grid, (_, x, y) => Square(x, y));
        FloatTensor categories = TwoClassLogits(1f, 2f);

        IReadOnlyList<DetectedInstance> instances = Decode(masks, categories, new ModelThresholds());

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal(InstanceTensors.Sigmoid(2f), only.Score, 5);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    public void Decode_ShiftedMasks_DropsTheLowerScoreOnlyAtTheIouThreshold(int shift, int expectedCount)
    {
        // Two 4x4-cell squares, the second moved right by shift cells.
        FloatTensor masks = InstanceTensors.Masks(2, Grid, Grid,
            (q, x, y) => InstanceTensors.Rectangle(x, y, q * shift, 0, (q * shift) + 4, 4));
        FloatTensor categories = TwoClassLogits(3f, 2f);
        double intersection = (4 - shift) * 4;
        double iou = intersection / (16 + 16 - intersection);
        ModelThresholds thresholds = new() { NmsIou = 0.5f };

        IReadOnlyList<DetectedInstance> instances = Decode(masks, categories, thresholds);

        Assert.Equal(iou >= thresholds.NmsIou ? 1 : 2, expectedCount);
        Assert.Equal(expectedCount, instances.Count);
        Assert.Equal(InstanceTensors.Sigmoid(3f), instances[0].Score, 5);
    }

    [Fact]
    public void Decode_DisjointMasks_KeepsBothWithTheirOwnPixels()
    {
        FloatTensor masks = InstanceTensors.Masks(2, Grid, Grid, (q, x, y) => q == 0
            ? InstanceTensors.Rectangle(x, y, 0, 0, 3, 2)
            : InstanceTensors.Rectangle(x, y, 4, 5, 8, 8));
        FloatTensor categories = TwoClassLogits(2f, 3f);

        IReadOnlyList<DetectedInstance> instances = Decode(masks, categories, new ModelThresholds());

        // Each rectangle has one corner inside the grid, which bilinear sampling rounds off by one pixel: that
        // pixel's weight on the one inside cell is 0.625 * 0.625 < 0.5, its neighbours' 0.625 * 0.875 > 0.5.
        Assert.Equal(2, instances.Count);
        Assert.Equal(new SKRectI(16, 20, 32, 32), instances[0].Bounds);
        Assert.Equal((16 * 12) - 1, instances[0].Mask.Pixels.Count(p => p == 1));
        Assert.Equal(0, instances[0].Mask.Pixels[(20 * 32) + 16]);
        Assert.Equal(new SKRectI(0, 0, 12, 8), instances[1].Bounds);
        Assert.Equal((12 * 8) - 1, instances[1].Mask.Pixels.Count(p => p == 1));
        Assert.Equal(0, instances[1].Mask.Pixels[(7 * 32) + 11]);
    }

    [Fact]
    public void Decode_TopK_AppliesBeforeSuppression()
    {
        // Queries 0 and 1 share a mask, query 2 is elsewhere and scores lowest. With top-2, query 2 never
        // enters the suppression, even though query 1 is suppressed there.
        FloatTensor masks = InstanceTensors.Masks(3, Grid, Grid, (q, x, y) => q < 2
            ? InstanceTensors.Rectangle(x, y, 0, 0, 4, 4)
            : InstanceTensors.Rectangle(x, y, 5, 5, 8, 8));
        FloatTensor categories = TwoClassLogits(3f, 2f, 1f);

        IReadOnlyList<DetectedInstance> topTwo = Decode(masks, categories, new ModelThresholds { TopK = 2 });
        IReadOnlyList<DetectedInstance> topThree = Decode(masks, categories, new ModelThresholds { TopK = 3 });

        Assert.Equal(InstanceTensors.Sigmoid(3f), Assert.Single(topTwo).Score, 5);
        Assert.Equal([InstanceTensors.Sigmoid(3f), InstanceTensors.Sigmoid(1f)], topThree.Select(i => i.Score));
    }

    [Fact]
    public void Decode_MoreSurvivorsThanTheLimit_KeepsTheBestInScoreOrder()
    {
        // Five disjoint one-row masks with scores in no particular order.
        float[] logits = [0.5f, 2.5f, 1.5f, 3.5f, 1f];
        FloatTensor masks = InstanceTensors.Masks(5, Grid, Grid,
            (q, x, y) => InstanceTensors.Rectangle(x, y, 0, q, Grid, q + 1));
        FloatTensor categories = TwoClassLogits(logits);
        float[] expected = [.. logits.OrderDescending().Take(3).Select(InstanceTensors.Sigmoid)];

        ModelThresholds thresholds = new() { MaxInstances = 3 };

        IReadOnlyList<DetectedInstance> instances = Decode(masks, categories, thresholds);

        Assert.Equal(expected, instances.Select(i => i.Score));
        Assert.Equal([12, 4, 8], instances.Select(i => i.Bounds.Top));
    }

    [Fact]
    public void Decode_ScoreJustBelowTheThreshold_IsDropped()
    {
        // One real class and "no object" at logit 0: the score is sigmoid(a), and sigmoid(logit(0.3) +- 0.01)
        // lies just above and just below 0.3.
        float atThreshold = MathF.Log(0.3f / 0.7f);
        FloatTensor masks = InstanceTensors.Masks(2, Grid, Grid,
            (q, x, y) => InstanceTensors.Rectangle(x, y, q * 4, 0, (q * 4) + 4, 4));
        FloatTensor categories = TwoClassLogits(atThreshold + 0.01f, atThreshold - 0.01f);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, categories, null, noObjectClass: true, s_square, new ModelThresholds { Score = 0.3f });

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal(new SKRectI(0, 0, 16, 16), only.Bounds);
    }

    [Fact]
    public void Decode_NoObjectClass_IsNeverChosenAndLeftOutOfTheProbabilities()
    {
        // The "no object" logit (last) dominates; the best real class is 1.
        float[] logits = [0.5f, 1f, 0f, 5f];
        float sum = logits.Sum(MathF.Exp);
        float[] expected = [.. logits.Take(3).Select(l => MathF.Exp(l) / sum)];
        FloatTensor masks = InstanceTensors.Masks(1, Grid, Grid, (_, x, y) => Square(x, y));
        FloatTensor categories = InstanceTensors.Rows(logits);
        ModelThresholds thresholds = new() { Score = 0.01f };

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, categories, null, noObjectClass: true, s_square, thresholds);

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal(1, only.CategoryIndex);
        Assert.Equal(expected[1], only.Score, 6);
        Assert.Equal(3, only.CategoryProbabilities.Length);
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(expected[c], only.CategoryProbabilities[c], 6);
        }
    }

    [Fact]
    public void Decode_NoObjectClassAboveEveryRealClass_DropsTheQueryBelowTheScore()
    {
        // Without the "no object" class the query would score 1 / 2; with it, e^0 / (2 + e^4) = 0.018.
        FloatTensor masks = InstanceTensors.Masks(1, Grid, Grid, (_, x, y) => Square(x, y));
        FloatTensor categories = InstanceTensors.Rows([0f, 0f, 4f]);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, categories, null, noObjectClass: true, s_square, new ModelThresholds { Score = 0.3f });

        Assert.Empty(instances);
    }

    [Fact]
    public void Decode_AttributeLogits_BecomeIndependentSigmoids()
    {
        FloatTensor masks = InstanceTensors.Masks(2, Grid, Grid,
            (q, x, y) => InstanceTensors.Rectangle(x, y, q * 4, 0, (q * 4) + 4, 4));
        FloatTensor attributes = InstanceTensors.Rows([-2f, 0f, 3f], [1f, 1f, 1f]);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, TwoClassLogits(3f, 1f), attributes, false, s_square, new ModelThresholds());

        Assert.Equal(
            [InstanceTensors.Sigmoid(-2f), 0.5f, InstanceTensors.Sigmoid(3f)],
            instances[0].AttributeProbabilities!);
        Assert.Equal(Enumerable.Repeat(InstanceTensors.Sigmoid(1f), 3), instances[1].AttributeProbabilities!);
    }

    [Fact]
    public void Decode_WithoutAttributeLogits_HasNoAttributeProbabilities()
    {
        FloatTensor masks = InstanceTensors.Masks(1, Grid, Grid, (_, x, y) => Square(x, y));

        IReadOnlyList<DetectedInstance> instances = Decode(masks, TwoClassLogits(3f), new ModelThresholds());

        Assert.Null(Assert.Single(instances).AttributeProbabilities);
    }

    [Theory]
    [InlineData(ResizeMode.Stretch)]
    [InlineData(ResizeMode.Letterbox)]
    public void Decode_DiscProjectedToTheGrid_ComesBackWithinAPixel(ResizeMode mode)
    {
        // A disc in a 641x427 photo, fitted into 384x384 with a 96x96 mask grid (4 input pixels per cell). Each
        // cell's logit is the signed distance (photo pixels, positive inside) of the photo point under its
        // centre. The inverse mapping is written out here from the fit's hand-computed numbers.
        const double CentreX = 300;
        const double CentreY = 200;
        const double Radius = 120;
        (double scaleX, double scaleY, double padTop) = mode == ResizeMode.Stretch
            ? (384.0 / 641, 384.0 / 427, 0.0)
            : (384.0 / 641, 256.0 / 427, 64.0);
        FloatTensor masks = InstanceTensors.Masks(1, 96, 96, (_, x, y) =>
        {
            double photoX = ((x + 0.5) * 4) / scaleX;
            double photoY = (((y + 0.5) * 4) - padTop) / scaleY;

            return (float)(Radius - Math.Sqrt(Math.Pow(photoX - CentreX, 2) + Math.Pow(photoY - CentreY, 2)));
        });
        InputFit fit = InputFit.Create(mode, 641, 427, 384, 384);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, TwoClassLogits(3f), null, false, fit, new ModelThresholds());

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal((641, 427), (only.Mask.Width, only.Mask.Height));
        int wrong = 0;
        for (int y = 0; y < 427; y++)
        {
            for (int x = 0; x < 641; x++)
            {
                double outside = Math.Sqrt(Math.Pow(x + 0.5 - CentreX, 2) + Math.Pow(y + 0.5 - CentreY, 2)) - Radius;
                byte pixel = only.Mask.Pixels[(y * 641) + x];
                if ((outside < -1 && pixel != 1) || (outside > 1 && pixel != 0))
                {
                    wrong++;
                }
            }
        }

        Assert.Equal(0, wrong);
        Assert.InRange(only.Bounds.Left, 179, 181);
        Assert.InRange(only.Bounds.Right, 419, 421);
        Assert.InRange(only.Bounds.Top, 79, 81);
        Assert.InRange(only.Bounds.Bottom, 319, 321);
    }

    [Fact]
    public void Decode_LogitsHighOnlyInLetterboxPadding_GiveNoInstance()
    {
        // 641x427 letterboxed into 384x384: rows 0-63 and 320-383 are padding, grid rows 0-15 and 80-95.
        FloatTensor masks = InstanceTensors.Masks(1, 96, 96, (_, _, y) => y < 16 || y >= 80 ? 50f : -1f);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 641, 427, 384, 384);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, TwoClassLogits(3f), null, false, fit, new ModelThresholds());

        Assert.Empty(instances);
    }

    [Fact]
    public void Decode_LogitsHighInLetterboxPadding_NeverLeakIntoThePhoto()
    {
        // Padding rows high; the content low but for one cell at each end of the first content row, grid row 16,
        // columns 10 and 80 (photo x 67-73 and 534-541). Photo row 0 lies at input y 64.3, 43 % of the way from
        // grid row 16 back to padding row 15, so sampling the padding would mark the top rows in between.
        FloatTensor masks = InstanceTensors.Masks(1, 96, 96, (_, x, y) =>
            y < 16 || y >= 80 ? 50f : y == 16 && x is 10 or 80 ? 10f : -1f);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 641, 427, 384, 384);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, TwoClassLogits(3f), null, false, fit, new ModelThresholds());

        GarmentMask mask = Assert.Single(instances).Mask;
        int between = 0;
        for (int y = 0; y < 427; y++)
        {
            for (int x = 100; x < 500; x++)
            {
                between += mask.Pixels[(y * 641) + x];
            }
        }

        Assert.Equal(0, between);
    }

    [Fact]
    public void Decode_LogitsHighInTheFirstContentRow_MarkOnlyTheTopOfThePhoto()
    {
        // Grid row 16 is the first inside the content (input rows 64-67, photo rows 0 to about 6.7); the padding
        // rows above are high too but are never sampled.
        FloatTensor masks = InstanceTensors.Masks(1, 96, 96, (_, _, y) => y <= 16 ? 50f : -50f);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 641, 427, 384, 384);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, TwoClassLogits(3f), null, false, fit, new ModelThresholds());

        // Zero crossing between the centres of rows 16 and 17, input y = 68, photo y = 4 * 427 / 256 = 6.67.
        DetectedInstance only = Assert.Single(instances);
        Assert.Equal(new SKRectI(0, 0, 641, 7), only.Bounds);
        Assert.Equal(641 * 7, only.Mask.Pixels.Count(p => p == 1));
    }

    [Fact]
    public void Decode_MasksOverlappingOnlyInPadding_BothSurvive()
    {
        // Both masks fill the padding (grid rows 0-15 and 80-95, 3072 cells) and disjoint content cells (960 and
        // 1104): counted over the whole grid their IoU would be 3072 / 5136 = 0.6.
        FloatTensor masks = InstanceTensors.Masks(2, 96, 96, (q, x, y) =>
            y < 16 || y >= 80 || (y < 40 && (q == 0 ? x < 40 : x >= 50)) ? 4f : -4f);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 641, 427, 384, 384);

        IReadOnlyList<DetectedInstance> instances = QueryOutputDecoder.Decode(
            masks, TwoClassLogits(3f, 2f), null, false, fit, new ModelThresholds { NmsIou = 0.5f });

        Assert.Equal(2, instances.Count);
    }

    [Fact]
    public void Select_ReturnsTheSurvivingQueriesBestFirst()
    {
        FloatTensor masks = InstanceTensors.Masks(3, Grid, Grid, (q, x, y) => q < 2
            ? InstanceTensors.Rectangle(x, y, 0, 0, 4, 4)
            : InstanceTensors.Rectangle(x, y, 5, 5, 8, 8));

        IReadOnlyList<InstanceCandidate> candidates = QueryOutputDecoder.Select(
            masks, TwoClassLogits(1f, 2f, 3f), false, s_square, new ModelThresholds());

        Assert.Equal([2, 1], candidates.Select(c => c.Index));
        Assert.Equal(InstanceTensors.Sigmoid(3f), candidates[0].Score, 5);
    }

    [Fact]
    public void Decode_CategoryLogitsForOtherQueries_ThrowsNamingBothShapes()
    {
        FloatTensor masks = InstanceTensors.Masks(100, Grid, Grid, (_, _, _) => 1f);
        FloatTensor categories = new(new float[90 * 47], [1, 90, 47]);

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Decode(masks, categories, new ModelThresholds()));

        Assert.Contains("categoryLogits has shape [1, 90, 47] but maskLogits has 100 queries", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_AttributeLogitsForOtherQueries_Throws()
    {
        FloatTensor masks = InstanceTensors.Masks(2, Grid, Grid, (_, _, _) => 1f);
        FloatTensor attributes = new(new float[3 * 294], [1, 3, 294]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => QueryOutputDecoder.Decode(
            masks, TwoClassLogits(1f, 1f), attributes, false, s_square, new ModelThresholds()));

        Assert.Contains("attributeLogits has shape [1, 3, 294] but maskLogits has 2 queries", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MaskLogitsOfWrongRank_ThrowsWithTheExpectedShape()
    {
        FloatTensor masks = new(new float[100 * 64], [100, 8, 8]);

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Decode(masks, TwoClassLogits(1f), new ModelThresholds()));

        Assert.Contains("maskLogits has shape [100, 8, 8] but [1, queries, height, width] was expected",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ValuesShortOfTheShape_Throws()
    {
        FloatTensor masks = new(new float[63], [1, 1, 8, 8]);

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => Decode(masks, TwoClassLogits(1f), new ModelThresholds()));

        Assert.Contains("needs 64 values, but holds 63", error.Message, StringComparison.Ordinal);
    }

    // A 4x4-cell square at the top left.
    private static float Square(int x, int y) => InstanceTensors.Rectangle(x, y, 0, 0, 4, 4);

    // Category logits [1, Q, 2] with logits (a, 0), a > 0: class 0 is best and its probability is sigmoid(a).
    private static FloatTensor TwoClassLogits(params float[] logits) =>
        InstanceTensors.Rows([.. logits.Select(a => new[] { a, 0f })]);

    private static IReadOnlyList<DetectedInstance> Decode(
        FloatTensor masks,
        FloatTensor categories,
        ModelThresholds thresholds) =>
        QueryOutputDecoder.Decode(masks, categories, null, false, s_square, thresholds);
}
