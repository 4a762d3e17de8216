using System.Globalization;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>
/// The clothing dataset as training data for the Fashionpedia heads: each photo is one instance,
/// cut to the mask the committed mask head makes, labelled through the starter label map with a
/// Fashionpedia category and the attributes its label implies; split by sender as category-train
/// splits it, so the category head's test senders stay unseen here too.
/// </summary>
/// <remarks>
/// A clothing label says little about attributes: "T-Shirt" implies a classic t-shirt with short
/// sleeves, but nothing about its pattern. So only the attribute groups of the implied attributes
/// are observed (the other sleeve lengths are negatives for a T-shirt); every other attribute is
/// left out of the loss, and photos whose label implies none add nothing to the attribute loss.
/// </remarks>
public static class ClothingHeadSource
{
    /// <summary>Loads the train and validation senders' photos, computing features the cache lacks.</summary>
    /// <param name="dataset">The clothing dataset folder (images.csv, images/).</param>
    /// <param name="cacheFolder">The feature cache folder category-train uses.</param>
    /// <param name="segmenter">Makes each photo's mask.</param>
    /// <param name="segmenterName">Names the segmenter in the cache file's name.</param>
    /// <param name="extractor">Runs the crops through the backbone.</param>
    /// <param name="recipe">The crop recipe and the feature set the heads read.</param>
    /// <param name="labelMap">Maps each label to its category and implied attributes.</param>
    /// <param name="taxonomy">The taxonomy the mapper numbers.</param>
    /// <param name="mapper">Numbers the categories and attributes.</param>
    /// <param name="splitSeed">Seed of the sender split.</param>
    /// <param name="allAttributes">Whether every attribute counts, absent ones as negatives.</param>
    /// <param name="log">Progress lines.</param>
    public static HeadTrainingData Load(
        string dataset,
        string cacheFolder,
        IGarmentSegmenter segmenter,
        string segmenterName,
        CategoryFeatureExtractor extractor,
        CategoryHeadRecipe recipe,
        StarterLabelMap labelMap,
        FashionpediaTaxonomy taxonomy,
        LabelIdMapper mapper,
        int splitSeed,
        bool allAttributes,
        TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(labelMap);
        IReadOnlyList<LabelledPhoto> photos = ClothingDataset.ReadGarmentPhotos(Path.Combine(dataset, "images.csv"));
        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> parts = SenderSplit.Partition(photos, splitSeed);
        LabelledPhoto[] used = [.. parts[DataSplit.Train], .. parts[DataSplit.Validation]];
        Dictionary<string, PhotoFeatures> features = CategoryFeatureCache.LoadOrCompute(
            Path.Combine(cacheFolder, CategoryFeatureCache.FileName(segmenterName, recipe)),
            used,
            Path.Combine(dataset, "images"),
            segmenter,
            extractor,
            recipe,
            log);

        int length = recipe.FeatureLength;
        List<HeadExample> train = [];
        foreach (LabelledPhoto photo in parts[DataSplit.Train])
        {
            (int category, bool[] targets, bool[] observed) =
                Targets(photo.Label, labelMap, taxonomy, mapper, allAttributes);
            PhotoFeatures f = features[photo.Image];
            train.Add(new HeadExample(f.Original[..length], category, targets, observed));
            train.Add(new HeadExample(f.Mirrored[..length], category, targets, observed));
        }

        List<HeadExample> validation = [];
        foreach (LabelledPhoto photo in parts[DataSplit.Validation])
        {
            (int category, bool[] targets, bool[] observed) =
                Targets(photo.Label, labelMap, taxonomy, mapper, allAttributes);
            PhotoFeatures f = features[photo.Image];
            float[] mean = new float[length];
            for (int i = 0; i < length; i++)
            {
                mean[i] = 0.5f * (f.Original[i] + f.Mirrored[i]);
            }

            validation.Add(new HeadExample(mean, category, targets, observed));
        }

        string[] description =
        [
            $"Source: the clothing dataset at `{dataset}`, one instance per photo; masks from `{segmenterName}`.",
            string.Create(CultureInfo.InvariantCulture,
                $"Split by sender (seed {splitSeed}, {SenderSplit.TrainShare:P0}/{SenderSplit.ValidationShare:P0} "
                + $"train/validation, the rest test and unused here): {parts[DataSplit.Train].Length} train photos "
                + $"(and their mirror images: {train.Count} instances), {validation.Count} validation photos "
                + $"(features averaged with the mirror image's)."),
            "Targets: the starter label map's Fashionpedia category and implied attributes; "
                + (allAttributes
                    ? "every attribute observed (absent ones are negatives)."
                    : "only the groups of the implied attributes observed, the rest left out of the loss."),
        ];

        return new HeadTrainingData(train, validation, recipe, description);
    }

    private static (int Category, bool[] Targets, bool[] Observed) Targets(
        string label,
        StarterLabelMap labelMap,
        FashionpediaTaxonomy taxonomy,
        LabelIdMapper mapper,
        bool allAttributes)
    {
        StarterLabel entry = labelMap.Get(label);
        IEnumerable<AttributeGroup> groups = entry.ImpliedAttributes.Select(a => a.Group).Distinct();
        IEnumerable<int> observed = taxonomy.AttributesFor(entry.Category)
            .Where(a => groups.Contains(a.Group))
            .Select(a => a.Id);

        return HeadTargets.For(
            mapper, taxonomy, entry.Category.Id, entry.ImpliedAttributes.Select(a => a.Id), observed, allAttributes);
    }
}
