using FashionListing.Inference.Segmentation;

namespace FashionListing.Tests.Segmentation;

public sealed class MaskMetricsTests
{
    [Fact]
    public void IoU_PartlyOverlappingMasks_IsIntersectionOverUnion()
    {
        // 3x3 masks: first has 4 garment pixels, second 3, they share 2; union = 4 + 3 - 2 = 5.
        byte[] first =
        [
            1, 1, 0,
            1, 1, 0,
            0, 0, 0,
        ];
        byte[] second =
        [
            0, 1, 1,
            0, 1, 0,
            0, 0, 0,
        ];

        double iou = MaskMetrics.IoU(first, second);

        Assert.Equal(2.0 / 5.0, iou, 12);
    }

    [Fact]
    public void IoU_DisjointMasks_IsZero()
    {
        byte[] first = [1, 0, 0, 0];
        byte[] second = [0, 0, 0, 1];

        double iou = MaskMetrics.IoU(first, second);

        Assert.Equal(0.0, iou);
    }

    [Fact]
    public void IoU_TwoEmptyMasks_IsOne()
    {
        byte[] first = new byte[6];
        byte[] second = new byte[6];

        double iou = MaskMetrics.IoU(first, second);

        Assert.Equal(1.0, iou);
    }

    [Fact]
    public void IoU_AnyNonZeroValue_CountsAsGarment()
    {
        byte[] first = [255, 1, 0];
        byte[] second = [1, 1, 0];

        double iou = MaskMetrics.IoU(first, second);

        Assert.Equal(1.0, iou);
    }

    [Fact]
    public void IoU_GarmentMasksOfDifferentSizes_Throws()
    {
        GarmentMask first = new(2, 3, new byte[6]);
        GarmentMask second = new(3, 2, new byte[6]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => MaskMetrics.IoU(first, second));

        Assert.Contains("2x3", error.Message, StringComparison.Ordinal);
    }
}
