using FashionListing.Inference.Segmentation;

namespace FashionListing.Tests.Segmentation;

public sealed class MaskPostProcessingTests
{
    [Fact]
    public void KeepLargestComponent_TwoRegions_KeepsTheBiggerOne()
    {
        // A 4-pixel region at the top left, a 3-pixel region at the right, a lone pixel at the bottom.
        byte[] mask =
        [
            1, 1, 0, 0, 1,
            1, 1, 0, 0, 1,
            0, 0, 0, 0, 1,
            0, 0, 1, 0, 0,
        ];
        byte[] expected =
        [
            1, 1, 0, 0, 0,
            1, 1, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
        ];

        MaskPostProcessing.KeepLargestComponent(mask, 5, 4);

        Assert.Equal(expected, mask);
    }

    [Fact]
    public void KeepLargestComponent_DiagonalNeighbours_AreNotConnected()
    {
        // Three pixels touching only at corners are three regions of one pixel; the first is kept.
        byte[] mask =
        [
            1, 0, 0,
            0, 1, 0,
            0, 0, 1,
        ];
        byte[] expected =
        [
            1, 0, 0,
            0, 0, 0,
            0, 0, 0,
        ];

        MaskPostProcessing.KeepLargestComponent(mask, 3, 3);

        Assert.Equal(expected, mask);
    }

    [Fact]
    public void FillHoles_EnclosedBackground_BecomesGarment()
    {
        byte[] mask =
        [
            0, 0, 0, 0, 0,
            0, 1, 1, 1, 0,
            0, 1, 0, 1, 0,
            0, 1, 1, 1, 0,
            0, 0, 0, 0, 0,
        ];
        byte[] expected =
        [
            0, 0, 0, 0, 0,
            0, 1, 1, 1, 0,
            0, 1, 1, 1, 0,
            0, 1, 1, 1, 0,
            0, 0, 0, 0, 0,
        ];

        MaskPostProcessing.FillHoles(mask, 5, 5);

        Assert.Equal(expected, mask);
    }

    [Fact]
    public void FillHoles_BackgroundOpenToTheBorder_StaysBackground()
    {
        // The gap in the ring's top row links its inside to the border, so nothing is a hole.
        byte[] mask =
        [
            1, 1, 0, 1, 1,
            1, 0, 0, 0, 1,
            1, 1, 1, 1, 1,
        ];
        byte[] expected = (byte[])mask.Clone();

        MaskPostProcessing.FillHoles(mask, 5, 3);

        Assert.Equal(expected, mask);
    }

    [Fact]
    public void BoxMean_RowOfThree_AveragesTheClippedWindow()
    {
        float[] values = [1, 2, 6];

        float[] mean = MaskPostProcessing.BoxMean(values, 3, 1, 1);

        // (1+2)/2, (1+2+6)/3, (2+6)/2
        Assert.Equal([1.5f, 3f, 4f], mean);
    }

    [Fact]
    public void BoxMean_TwoByTwoWithRadiusOne_IsTheMeanOfAll()
    {
        float[] values = [1, 2, 3, 10];

        float[] mean = MaskPostProcessing.BoxMean(values, 2, 2, 1);

        Assert.All(mean, v => Assert.Equal(4f, v, 5));
    }

    [Fact]
    public void GuidedFilter_BlurredMaskAlongASharpGuideEdge_BecomesSharp()
    {
        // Guide: left half dark, right half bright. Input: the same edge smeared over 4 columns.
        const int Width = 12;
        const int Height = 6;
        float[] guide = new float[Width * Height];
        float[] input = new float[Width * Height];
        float[] smear = [0, 0, 0, 0, 0.2f, 0.4f, 0.6f, 0.8f, 1, 1, 1, 1];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                guide[(y * Width) + x] = x < 6 ? 0.1f : 0.9f;
                input[(y * Width) + x] = smear[x];
            }
        }

        float[] output = MaskPostProcessing.GuidedFilter(guide, input, Width, Height, 2, 1e-4f);

        // Columns 5 and 6 sit on either side of the guide's edge: 0.4 and 0.6 in the input.
        Assert.True(output[5] < 0.3f, $"column 5 is {output[5]}");
        Assert.True(output[6] > 0.7f, $"column 6 is {output[6]}");
    }

    [Fact]
    public void GuidedFilter_FlatGuide_SmoothsLikeTwoBoxMeans()
    {
        float[] guide = [0.5f, 0.5f, 0.5f];
        float[] input = [0, 0, 3];

        float[] output = MaskPostProcessing.GuidedFilter(guide, input, 3, 1, 1, 0.01f);

        // With no guide variance a = 0 and b = box(input) = [0, 1, 1.5]; output = box(b).
        Assert.Equal(0.5f, output[0], 4);
        Assert.Equal(2.5f / 3f, output[1], 4);
        Assert.Equal(1.25f, output[2], 4);
    }
}
