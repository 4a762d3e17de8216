using System.Diagnostics;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Inference.Classification;

/// <summary>
/// Suggests the garment's category: the photo cropped to the garment's mask, the backbone's pooled
/// features (averaged with the mirrored crop's when the head was trained so), and the committed
/// category head of the starter model.
/// </summary>
/// <remarks>
/// A singleton: the head's session is created once in the constructor and
/// <see cref="Classify"/> may be called from several threads. The backbone is shared, not owned.
/// </remarks>
public sealed partial class CategoryClassifier : IDisposable
{
    private readonly CategoryHead _head;
    private readonly CategoryFeatureExtractor _extractor;

    /// <summary>Loads the head from <see cref="InferenceOptions.ModelFolder"/>.</summary>
    public CategoryClassifier(
        IOptions<InferenceOptions> options,
        OnnxSessionFactory sessionFactory,
        ResNet18Backbone backbone,
        ILogger<CategoryClassifier> logger)
        : this(
            InFolder(options, CategoryHead.ModelFile),
            InFolder(options, CategoryHead.LabelsFile),
            sessionFactory,
            backbone,
            logger)
    {
    }

    /// <summary>
    /// Loads the head from given files, e.g. the starter manifest's
    /// <see cref="Models.StarterModelPaths.CategoryHead"/> and <see cref="Models.StarterModelPaths.CategoryLabels"/>.
    /// </summary>
    public CategoryClassifier(
        string categoryHeadPath,
        string categoryLabelsPath,
        OnnxSessionFactory sessionFactory,
        ResNet18Backbone backbone,
        ILogger<CategoryClassifier> logger)
    {
        long started = Stopwatch.GetTimestamp();
        _head = CategoryHead.Load(categoryHeadPath, categoryLabelsPath, sessionFactory);
        _extractor = new CategoryFeatureExtractor(backbone);
        Log.Loaded(logger, categoryHeadPath, _head.Labels.Count, _head.Recipe.FeatureLength,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The labels the head can suggest, in the order of its outputs.</summary>
    public IReadOnlyList<string> Labels => _head.Labels;

    /// <summary>The probability of every label for the garment under the mask.</summary>
    /// <param name="photo">The upright photo.</param>
    /// <param name="mask">The garment's mask, at the photo's size.</param>
    public CategoryPrediction Classify(SKBitmap photo, GarmentMask mask) => Predict(ExtractFeatures(photo, mask));

    /// <summary>The head's input for the garment under the mask: the backbone's features of its crop.</summary>
    /// <param name="photo">The upright photo.</param>
    /// <param name="mask">The garment's mask, at the photo's size.</param>
    public float[] ExtractFeatures(SKBitmap photo, GarmentMask mask) => _extractor.Extract(photo, mask, _head.Recipe);

    /// <summary>The probability of every label for features made by <see cref="ExtractFeatures"/>.</summary>
    /// <param name="features">The garment's features.</param>
    public CategoryPrediction Predict(float[] features) => _head.Predict(features);

    /// <inheritdoc />
    public void Dispose() => _head.Dispose();

    private static string InFolder(IOptions<InferenceOptions> options, string file)
    {
        ArgumentNullException.ThrowIfNull(options);

        return Path.Combine(InferenceOptions.Resolve(options.Value.ModelFolder), file);
    }

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Information,
            "Category head loaded from {Path}: {LabelCount} labels from {FeatureLength} features, "
            + "in {ElapsedMs:F0} ms")]
        public static partial void Loaded(
            ILogger logger, string path, int labelCount, int featureLength, double elapsedMs);
    }
}
