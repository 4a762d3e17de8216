using FashionListing.Inference.Segmentation;
using FashionListing.Tools.Fashionpedia.Evaluation;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

public sealed class InstanceMaskTests
{
    [Fact]
    public void FromRowMajor_Mask_KeepsItsBoxAndArea()
    {
        InstanceMask mask = EvaluationMasks.Mask("..../.1../.11./....");

        Assert.Equal((1, 1, 3, 3, 3L), (mask.Left, mask.Top, mask.Right, mask.Bottom, mask.Area));
    }

    [Fact]
    public void IoU_HalfOverlap_IsOneThird()
    {
        // Two pixels each, one shared: 1 / (2 + 2 - 1).
        InstanceMask first = EvaluationMasks.Mask("11./...");
        InstanceMask second = EvaluationMasks.Mask(".11/...");

        Assert.Equal(1.0 / 3, first.IoU(second));
    }

    [Fact]
    public void IoU_PredictionInsideTruth_IsTheAreaRatio()
    {
        InstanceMask truth = EvaluationMasks.Mask("1111/1111");
        InstanceMask prediction = EvaluationMasks.Mask("11../11..");

        Assert.Equal(0.5, truth.IoU(prediction));
    }

    [Fact]
    public void IoU_DisjointBoxes_IsZero()
    {
        InstanceMask first = EvaluationMasks.Mask("1.../....");
        InstanceMask second = EvaluationMasks.Mask("..../...1");

        Assert.Equal(0, first.IoU(second));
    }

    [Fact]
    public void IoU_TwoEmptyMasks_IsZero()
    {
        InstanceMask empty = EvaluationMasks.Mask("../..");

        Assert.Equal(0, empty.IoU(empty));
    }

    [Fact]
    public void IoU_RandomMasks_AgreesWithWholePhotoIoU()
    {
        Random random = new(7);
        for (int trial = 0; trial < 50; trial++)
        {
            int width = random.Next(1, 12);
            int height = random.Next(1, 12);
            byte[] a = new byte[width * height];
            byte[] b = new byte[width * height];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (byte)(random.NextDouble() < 0.3 ? 1 : 0);
                b[i] = (byte)(random.NextDouble() < 0.3 ? 1 : 0);
            }

            double boxed = InstanceMask.FromRowMajor(a, width, height).IoU(InstanceMask.FromRowMajor(b, width, height));

            bool bothEmpty = !a.AsSpan().ContainsAnyExcept((byte)0) && !b.AsSpan().ContainsAnyExcept((byte)0);
            Assert.Equal(bothEmpty ? 0 : MaskMetrics.IoU(a, b), boxed, 12);
        }
    }

    [Fact]
    public void Intersection_DifferentSizes_Throws()
    {
        InstanceMask first = EvaluationMasks.Mask("11/11");
        InstanceMask second = EvaluationMasks.Mask("111/111");

        Assert.Throws<ArgumentException>(() => first.Intersection(second));
    }
}
