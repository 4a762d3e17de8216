using FashionListing.Inference.Instances;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using SkiaSharp;

namespace FashionListing.Tests.Pipeline;

public sealed class GarmentPartsTests
{
    private const int Width = 40;
    private const int Height = 30;
    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.LoadDefault();
    private static readonly FashionpediaCategory[] s_categories = [.. s_taxonomy.Categories];

    private static int Id(string name) => s_taxonomy.GetCategory(name).Id;

    // An instance whose mask is exactly the rectangle, with all its probability on one category.
    private static DetectedInstance Instance(string category, SKRectI rect, float score = 0.9f)
    {
        byte[] pixels = new byte[Width * Height];
        for (int y = rect.Top; y < rect.Bottom; y++)
        {
            for (int x = rect.Left; x < rect.Right; x++)
            {
                pixels[(y * Width) + x] = 1;
            }
        }

        float[] probabilities = new float[s_categories.Length];
        probabilities[Id(category)] = score;

        return new DetectedInstance(Id(category), score, probabilities, null, new GarmentMask(Width, Height, pixels), rect);
    }

    [Fact]
    public void Attach_SleeveInsideTop_JoinsTheTopAndIsNotAGarmentOfItsOwn()
    {
        DetectedInstance top = Instance("top, t-shirt, sweatshirt", new SKRectI(5, 5, 25, 20));
        DetectedInstance sleeve = Instance("sleeve", new SKRectI(5, 5, 10, 15));
        DetectedInstance pants = Instance("pants", new SKRectI(8, 20, 22, 30));

        IReadOnlyList<GarmentWithParts> garments = GarmentParts.Attach([top, sleeve, pants], s_categories);

        Assert.Equal([top, pants], garments.Select(g => g.Garment));
        Assert.Equal([sleeve], garments[0].Parts);
        Assert.Empty(garments[1].Parts);
    }

    [Fact]
    public void Attach_PartMostlyOnTheSecondGarment_JoinsTheOneHoldingMostOfIt()
    {
        DetectedInstance top = Instance("top, t-shirt, sweatshirt", new SKRectI(0, 0, 40, 15));
        DetectedInstance pants = Instance("pants", new SKRectI(0, 15, 40, 30));
        // Rows 13-19: 2 rows on the top, 5 on the pants.
        DetectedInstance pocket = Instance("pocket", new SKRectI(10, 13, 16, 20));

        IReadOnlyList<GarmentWithParts> garments = GarmentParts.Attach([top, pants, pocket], s_categories);

        Assert.Empty(garments[0].Parts);
        Assert.Equal([pocket], garments[1].Parts);
    }

    [Fact]
    public void Attach_PartLessThanHalfOnAnyGarment_IsDropped()
    {
        DetectedInstance dress = Instance("dress", new SKRectI(0, 0, 20, 30));
        // 4 of its 10 columns lie on the dress: 40%, under the 50% rule.
        DetectedInstance bow = Instance("bow", new SKRectI(16, 10, 26, 14));

        IReadOnlyList<GarmentWithParts> garments = GarmentParts.Attach([dress, bow], s_categories);

        Assert.Empty(Assert.Single(garments).Parts);
    }

    [Fact]
    public void Attach_OnlyParts_OffersNoGarment()
    {
        DetectedInstance sleeve = Instance("sleeve", new SKRectI(5, 5, 10, 15));
        DetectedInstance zipper = Instance("zipper", new SKRectI(12, 5, 14, 25));

        IReadOnlyList<GarmentWithParts> garments = GarmentParts.Attach([sleeve, zipper], s_categories);

        Assert.Empty(garments);
    }
}
