using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using SkiaSharp;

namespace FashionListing.Tests.Instances;

public sealed class DenseOutputDecoderTests
{
    // Two 8x8 prototypes over a 32x32 input and photo (4 pixels per cell): the first is 1 everywhere, the second
    // +1 on the left four cell columns and -1 on the right four. Three classes.
    private const int Classes = 3;
    private static readonly InputFit s_square = InputFit.Create(ResizeMode.Stretch, 32, 32, 32, 32);
    private static readonly FloatTensor s_prototypes = new(
        [.. Enumerable.Repeat(1f, 64), .. Enumerable.Range(0, 64).Select(i => i % 8 < 4 ? 1f : -1f)],
        [1, 2, 8, 8]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_PositiveEverywhere_CutsTheMaskToTheBox(bool anchorsFirst)
    {
        // Box centre (12, 16), 8 x 16: pixels whose centre lies in [8, 16) x [8, 24).
        FloatTensor detections = Detections(anchorsFirst, [12, 16, 8, 16, 0.9f, 0, 0, 4, 0]);

        IReadOnlyList<DetectedInstance> instances = Decode(detections, anchorsFirst, new ModelThresholds());

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal(new SKRectI(8, 8, 16, 24), only.Bounds);
        Assert.Equal(8 * 16, only.Mask.Pixels.Count(p => p == 1));
    }

    [Fact]
    public void Decode_Coefficients_WeighThePrototypes()
    {
        // Coefficients (1, 3) give logits 4 on the left cells and -2 on the right; between the centres of cell
        // columns 3 and 4 (x = 14 and 18) the logit crosses zero at 14 + 4 * 4 / 6. Coefficients (1, -3) give -2
        // and 4, crossing at 14 + 4 * 2 / 6. Both boxes cover the whole input.
        FloatTensor detections = Detections(false,
            [16, 16, 32, 32, 0.9f, 0, 0, 1, 3],
            [16, 16, 32, 32, 0.8f, 0, 0, 1, -3]);
        double leftEdge = 14 + (4 * 4 / 6.0);
        double rightEdge = 14 + (4 * 2 / 6.0);
        int leftColumns = Enumerable.Range(0, 32).Count(x => x + 0.5 < leftEdge);
        int rightColumns = Enumerable.Range(0, 32).Count(x => x + 0.5 > rightEdge);

        IReadOnlyList<DetectedInstance> instances = Decode(detections, false, new ModelThresholds());

        Assert.Equal(2, instances.Count);
        Assert.Equal(new SKRectI(0, 0, leftColumns, 32), instances[0].Bounds);
        Assert.Equal(leftColumns * 32, instances[0].Mask.Pixels.Count(p => p == 1));
        Assert.Equal(new SKRectI(32 - rightColumns, 0, 32, 32), instances[1].Bounds);
        Assert.Equal(rightColumns * 32, instances[1].Mask.Pixels.Count(p => p == 1));
    }

    [Fact]
    public void Decode_MaskThreshold_IsAppliedToTheProbability()
    {
        // Coefficients (1, 3) as above; a pixel needs sigmoid(logit) >= 0.8, a logit of ln 4 = 1.386, which the
        // blend from 4 to -2 reaches at 14 + 4 * (4 - ln 4) / 6.
        FloatTensor detections = Detections(false, [16, 16, 32, 32, 0.9f, 0, 0, 1, 3]);
        double edge = 14 + (4 * (4 - Math.Log(4)) / 6);
        int columns = Enumerable.Range(0, 32).Count(x => x + 0.5 < edge);

        IReadOnlyList<DetectedInstance> instances = Decode(detections, false, new ModelThresholds { Mask = 0.8f });

        Assert.Equal(new SKRectI(0, 0, columns, 32), Assert.Single(instances).Bounds);
    }

    [Fact]
    public void Decode_Letterboxed_MapsTheBoxBackToThePhoto()
    {
        // A 32x16 photo letterboxed into 32x32 lies in input rows 8-23, so input (x, y) is photo (x, y - 8).
        // The box [4, 20) x [12, 30) of the input is photo columns 4-19 and rows 4-15 (cut at the photo's foot).
        FloatTensor detections = Detections(false, [12, 21, 16, 18, 0.9f, 0, 0, 4, 0]);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 32, 16, 32, 32);

        IReadOnlyList<DetectedInstance> instances = DenseOutputDecoder.Decode(
            detections, false, s_prototypes, null, Classes, fit, new ModelThresholds());

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal((32, 16), (only.Mask.Width, only.Mask.Height));
        Assert.Equal(new SKRectI(4, 4, 20, 16), only.Bounds);
        Assert.Equal(16 * 12, only.Mask.Pixels.Count(p => p == 1));
    }

    [Fact]
    public void Decode_SameMaskInDisjointBoxes_KeepsBoth()
    {
        // The logits are positive everywhere for both, so only the box cut tells the masks apart.
        FloatTensor detections = Detections(true,
            [8, 16, 16, 32, 0.9f, 0, 0, 4, 0],
            [24, 16, 16, 32, 0.8f, 0, 0, 4, 0]);

        IReadOnlyList<DetectedInstance> instances = Decode(detections, true, new ModelThresholds());

        Assert.Equal([new SKRectI(0, 0, 16, 32), new SKRectI(16, 0, 32, 32)], instances.Select(i => i.Bounds));
    }

    [Fact]
    public void Decode_IdenticalAnchors_KeepsOnlyTheHigherScore()
    {
        FloatTensor detections = Detections(false,
            [16, 16, 20, 20, 0, 0.6f, 0, 4, 0],
            [16, 16, 20, 20, 0, 0, 0.8f, 4, 0]);

        IReadOnlyList<DetectedInstance> instances = Decode(detections, false, new ModelThresholds());

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal(2, only.CategoryIndex);
        Assert.Equal(0.8f, only.Score);
    }

    [Fact]
    public void Decode_ClassScores_AreTakenAsProbabilities()
    {
        // The second anchor's best class (0.25) is below the score threshold 0.3.
        FloatTensor detections = Detections(false,
            [8, 8, 16, 16, 0.2f, 0.7f, 0.1f, 4, 0],
            [24, 24, 16, 16, 0.1f, 0.2f, 0.25f, 4, 0]);

        IReadOnlyList<DetectedInstance> instances = Decode(detections, false, new ModelThresholds { Score = 0.3f });

        DetectedInstance only = Assert.Single(instances);
        Assert.Equal(1, only.CategoryIndex);
        Assert.Equal(0.7f, only.Score);
        Assert.Equal([0.2f, 0.7f, 0.1f], only.CategoryProbabilities);
    }

    [Fact]
    public void Decode_TopK_LimitsTheCandidatesBeforeSuppression()
    {
        FloatTensor detections = Detections(false,
            [8, 8, 16, 16, 0.9f, 0, 0, 4, 0],
            [8, 8, 16, 16, 0.8f, 0, 0, 4, 0],
            [24, 24, 16, 16, 0.7f, 0, 0, 4, 0]);

        IReadOnlyList<DetectedInstance> instances = Decode(detections, false, new ModelThresholds { TopK = 2 });

        Assert.Equal(0.9f, Assert.Single(instances).Score);
    }

    [Fact]
    public void Decode_AttributeLogits_BecomeSigmoidsOfTheAnchor()
    {
        FloatTensor detections = Detections(false,
            [8, 8, 16, 16, 0.1f, 0, 0, 4, 0],
            [24, 24, 16, 16, 0.9f, 0, 0, 4, 0]);
        FloatTensor attributes = InstanceTensors.Rows([5f, 5f], [-1f, 2f]);

        IReadOnlyList<DetectedInstance> instances = DenseOutputDecoder.Decode(
            detections, false, s_prototypes, attributes, Classes, s_square, new ModelThresholds());

        Assert.Equal(
            [InstanceTensors.Sigmoid(-1f), InstanceTensors.Sigmoid(2f)],
            Assert.Single(instances).AttributeProbabilities!);
    }

    [Fact]
    public void Decode_BoxInTheLetterboxPadding_GivesNoInstance()
    {
        // A 32x16 photo letterboxed into 32x32 lies in input rows 8-23; the box covers rows 0-7 only.
        FloatTensor detections = Detections(false, [16, 4, 32, 8, 0.9f, 0, 0, 4, 0]);
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 32, 16, 32, 32);

        IReadOnlyList<DetectedInstance> instances = DenseOutputDecoder.Decode(
            detections, false, s_prototypes, null, Classes, fit, new ModelThresholds());

        Assert.Empty(instances);
    }

    [Fact]
    public void Decode_FeatureCountNotMatchingClassesAndPrototypes_ThrowsWithBothShapes()
    {
        FloatTensor detections = new(new float[116 * 10], [1, 116, 10]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => DenseOutputDecoder.Decode(
            detections, false, s_prototypes, null, 46, s_square, new ModelThresholds()));

        Assert.Contains("detections has shape [1, 116, 10]", error.Message, StringComparison.Ordinal);
        Assert.Contains("46 classes and the 2 coefficients of prototypes [1, 2, 8, 8] make 52", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_AttributeLogitsForOtherAnchors_Throws()
    {
        FloatTensor detections = Detections(false, [8, 8, 16, 16, 0.9f, 0, 0, 4, 0]);
        FloatTensor attributes = new(new float[2 * 5], [1, 2, 5]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => DenseOutputDecoder.Decode(
            detections, false, s_prototypes, attributes, Classes, s_square, new ModelThresholds()));

        Assert.Contains("attributeLogits has shape [1, 2, 5] but detections has 1 anchors", error.Message,
            StringComparison.Ordinal);
    }

    // Each anchor: centre x, centre y, width, height, three class scores, two coefficients.
    private static FloatTensor Detections(bool anchorsFirst, params float[][] anchors)
    {
        int features = anchors[0].Length;
        float[] values = new float[anchors.Length * features];
        for (int n = 0; n < anchors.Length; n++)
        {
            for (int f = 0; f < features; f++)
            {
                values[anchorsFirst ? (n * features) + f : (f * anchors.Length) + n] = anchors[n][f];
            }
        }

        return new FloatTensor(values, anchorsFirst ? [1, anchors.Length, features] : [1, features, anchors.Length]);
    }

    private static IReadOnlyList<DetectedInstance> Decode(
        FloatTensor detections,
        bool anchorsFirst,
        ModelThresholds thresholds) =>
        DenseOutputDecoder.Decode(detections, anchorsFirst, s_prototypes, null, Classes, s_square, thresholds);
}
