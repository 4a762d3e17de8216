using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Segmentation;
using FashionListing.Tools.Fashionpedia;
using FashionListing.Tools.Fashionpedia.Evaluation;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

public sealed class FashionpediaScoreTests
{
    private static readonly StageTimings s_timings = new(0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void Score_Garment_BecomesAPredictionWithTheTopCategoryItsScoreAndAttributes()
    {
        // A 4x2 photo; the truth is the left half, column-major RLE "1 4" (pixels 1-4 are column 0 and 1).
        FashionpediaSample sample = new("p", 2, 4, [new FashionpediaInstance(10, [115, 136], "1 4")]);
        GarmentSuggestion garment = Garment(new GarmentMask(4, 2, [1, 1, 0, 0, 1, 1, 0, 0]), 10, 0.7f, 115, 136);
        PhotoAnalysed analysed = new(new CleanPhoto([], 4, 2), [garment], s_timings);

        FashionpediaEvaluation.PhotoResult result = FashionpediaEvaluation.Score(sample, analysed);

        InstanceLabel prediction = Assert.Single(result.Photo.Predictions);
        Assert.Equal((10, 0.7f), (prediction.CategoryId, (float)prediction.Score));
        Assert.Equal([115, 136], prediction.AttributeIds);
        Assert.Equal(1, result.Photo.IoU(0, 0));
        Assert.Equal(1, result.Photo.AttributeF1(0, 0));
        Assert.False(result.Resized);
    }

    [Fact]
    public void Score_MaskSmallerThanTheAnnotation_IsResizedToIt()
    {
        // The pipeline stored the 4x2 photo at 2x1; its mask's left pixel covers the left half again.
        FashionpediaSample sample = new("p", 2, 4, [new FashionpediaInstance(10, [], "1 4")]);
        GarmentSuggestion garment = Garment(new GarmentMask(2, 1, [1, 0]), 10, 0.9f);
        PhotoAnalysed analysed = new(new CleanPhoto([], 2, 1), [garment], s_timings);

        FashionpediaEvaluation.PhotoResult result = FashionpediaEvaluation.Score(sample, analysed);

        Assert.True(result.Resized);
        Assert.Equal(1, result.Photo.IoU(0, 0));
    }

    [Fact]
    public void Score_RejectedPhoto_HasTruthsAndNoPredictions()
    {
        FashionpediaSample sample = new("p", 2, 4, [new FashionpediaInstance(10, [], "1 4")]);
        PhotoRejected rejected = new(PhotoRejectionReason.Corrupt, "The photo could not be read.");

        FashionpediaEvaluation.PhotoResult result = FashionpediaEvaluation.Score(sample, rejected);

        Assert.True(result.Rejected);
        Assert.Single(result.Photo.Truths);
        Assert.Empty(result.Photo.Predictions);
    }

    private static GarmentSuggestion Garment(GarmentMask mask, int category, float probability, params int[] attributes)
    {
        AttributeSuggestion[] suggested =
            [.. attributes.Select(a => new AttributeSuggestion(a, "a" + a, "group", 0.8f))];
        CategorySuggestion top = new("Dress", "Dress", category, "dress", probability, suggested);
        CategorySuggestion second = new("Skirt", "Skirt", 7, "skirt", probability / 2, []);

        return new GarmentSuggestion(mask, [], "#000000", [top, second], suggested, [], "Dress", "A dress.");
    }
}
