using System.Globalization;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using SkiaSharp;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>
/// Kaggle-format Fashionpedia data (train.csv and its photos) as training data: each instance is
/// cropped to its decoded mask and run through the backbone, with its category and attribute ids
/// from the CSV; split by photo.
/// </summary>
/// <remarks>
/// Features are computed in memory on every run, not cached: the clothing cache is keyed by photo
/// and a Kaggle photo holds several instances. On the full Kaggle set that is hours of CPU.
/// </remarks>
public static class KaggleHeadSource
{
    /// <summary>Loads the train and validation photos' instances.</summary>
    /// <param name="csv">The train.csv file.</param>
    /// <param name="images">The folder of the photos, <c>{ImageId}.jpg</c>.</param>
    /// <param name="extractor">Runs the crops through the backbone.</param>
    /// <param name="recipe">The crop recipe and the feature set the heads read.</param>
    /// <param name="taxonomy">The taxonomy the CSV's ids are checked against.</param>
    /// <param name="mapper">Numbers the categories and attributes.</param>
    /// <param name="splitSeed">Seed of the photo split.</param>
    /// <param name="trainShare">Share of the photos for train.</param>
    /// <param name="validationShare">Share of the photos for validation; test, unused here, gets the rest.</param>
    /// <param name="allAttributes">Whether every attribute counts, absent ones as negatives.</param>
    /// <param name="log">Progress lines.</param>
    public static HeadTrainingData Load(
        string csv,
        string images,
        CategoryFeatureExtractor extractor,
        CategoryHeadRecipe recipe,
        FashionpediaTaxonomy taxonomy,
        LabelIdMapper mapper,
        int splitSeed,
        double trainShare,
        double validationShare,
        bool allAttributes,
        TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(log);
        IReadOnlyList<FashionpediaSample> samples = KaggleTrainCsv.Read(csv, taxonomy);
        SplitAssignment split = PhotoSplit.Split(samples, splitSeed, trainShare, validationShare);
        HashSet<string> trainIds = new(split.Train, StringComparer.Ordinal);
        HashSet<string> validationIds = new(split.Validation, StringComparer.Ordinal);
        int length = recipe.FeatureLength;
        List<HeadExample> train = [];
        List<HeadExample> validation = [];

        foreach (FashionpediaSample sample in samples)
        {
            bool isTrain = trainIds.Contains(sample.ImageId);
            if (!isTrain && !validationIds.Contains(sample.ImageId))
            {
                continue;
            }

            string path = Path.Combine(images, sample.ImageId + ".jpg");
            using SKBitmap photo = SKBitmap.Decode(path)
                ?? throw new InvalidDataException($"The photo {path} is missing or cannot be decoded.");
            if (photo.Width != sample.Width || photo.Height != sample.Height)
            {
                throw new InvalidDataException(
                    $"The photo {path} is {photo.Width}x{photo.Height} but train.csv gives {sample.Width}x"
                    + $"{sample.Height}; the masks are encoded at the CSV's size.");
            }

            foreach (FashionpediaInstance instance in sample.Instances)
            {
                GarmentMask mask = new(sample.Width, sample.Height, instance.DecodeMask(sample.Height, sample.Width));
                (int category, bool[] targets, bool[] observed) = HeadTargets.For(
                    mapper, taxonomy, instance.ClassId, instance.AttributeIds, observedIds: null, allAttributes);
                float[] original = extractor.ExtractAll(photo, mask, recipe, mirrored: false)[..length];
                float[] mirrored = extractor.ExtractAll(photo, mask, recipe, mirrored: true)[..length];
                if (isTrain)
                {
                    train.Add(new HeadExample(original, category, targets, observed));
                    train.Add(new HeadExample(mirrored, category, targets, observed));
                }
                else
                {
                    float[] mean = [.. original.Zip(mirrored, (a, b) => 0.5f * (a + b))];
                    validation.Add(new HeadExample(mean, category, targets, observed));
                }
            }
        }

        log.WriteLine($"  {train.Count / 2} train and {validation.Count} validation instances cropped and embedded");
        string[] description =
        [
            $"Source: Kaggle-format `{csv}` with photos in `{images}`; each instance cropped to its own mask.",
            string.Create(CultureInfo.InvariantCulture,
                $"Split by photo (seed {splitSeed}, {trainShare:P0} train, {validationShare:P0} validation, the "
                + $"rest test and unused here): {split.Train.Count} train photos "
                + $"({train.Count / 2} instances, each also mirrored), {split.Validation.Count} validation photos "
                + $"({validation.Count} instances, features averaged with the mirror image's)."),
            "Targets: the CSV's ClassId and AttributesIds; "
                + (allAttributes
                    ? "every attribute observed (absent ones are negatives)."
                    : "observed attributes are those the taxonomy says describe the category, plus any labelled."),
        ];

        return new HeadTrainingData(train, validation, recipe, description);
    }
}
