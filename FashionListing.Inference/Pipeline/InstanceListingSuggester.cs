using System.Diagnostics;
using FashionListing.Inference.Colour;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FashionListing.Inference.Pipeline;

/// <summary>
/// A Fashionpedia instance-segmentation model (query-based or dense layout) end to end: decode and clean the
/// photo, fit it to the model's input, run the model, turn its outputs into masks at the photo's size, and
/// for every garment found read its colours, draw its overlay and seed the listing's text.
/// </summary>
/// <remarks>
/// Fashionpedia labels garment parts (sleeves, pockets, necklines, zips, bows) as objects of their own. A
/// seller lists garments, so each part is attached to the garment that holds most of it, and the part's
/// attributes that describe that garment (a sleeve's length, a neckline's type) are offered with it. A part
/// that lies on no garment is not offered.
/// </remarks>
public sealed partial class InstanceListingSuggester(
    PhotoDecoder decoder,
    LoadedModelManifest model,
    InstanceModelSession session,
    DominantColourExtractor colourExtractor,
    MaskOverlayRenderer overlayRenderer,
    ILogger<InstanceListingSuggester> logger) : IListingSuggester
{
    /// <summary>How many categories are offered per garment.</summary>
    public const int CategoryCount = 3;

    private readonly FashionpediaTaxonomy _taxonomy = model.Taxonomy;
    private readonly FashionpediaCategory[] _categories =
        [.. model.CategoryIds.Select(id => model.Taxonomy.GetCategory(id))];
    private readonly FashionpediaAttributeDefinition[] _attributes =
        [.. model.AttributeIds.Select(id => model.Taxonomy.GetAttribute(id))];

    /// <inheritdoc />
    public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        // CPU-bound, as for the starter model: the thread pool keeps the seller's circuit responsive.
        return Task.Run(() => Suggest(photo, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SuggestionOutcome> SuggestAsync(
        ReadOnlyMemory<byte> photo,
        ISuggestionStageObserver stages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);

        return Task.Run(() => Suggest(photo, stages, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        return Task.Run(() => PhotoCleaning.Clean(decoder, photo), cancellationToken);
    }

    /// <summary>Analyses one photo synchronously; the SuggestAsync overloads run this on the thread pool.</summary>
    /// <param name="photo">The uploaded file's bytes.</param>
    /// <param name="cancellationToken">Checked between stages.</param>
    public SuggestionOutcome Suggest(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
        Suggest(photo, null, cancellationToken);

    private SuggestionOutcome Suggest(
        ReadOnlyMemory<byte> photo,
        ISuggestionStageObserver? stages,
        CancellationToken cancellationToken)
    {
        stages?.StageStarted(SuggestionStage.Decode);
        long started = Stopwatch.GetTimestamp();
        if (!decoder.TryDecode(photo, out DecodedPhoto? decoded, out PhotoRejected? rejection))
        {
            return rejection;
        }

        using (decoded)
        {
            CleanPhoto clean = PhotoEncoder.Encode(decoded);
            double decodeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            cancellationToken.ThrowIfCancellationRequested();
            stages?.StageStarted(SuggestionStage.Model);

            long stage = Stopwatch.GetTimestamp();
            ModelInputSpec input = model.Manifest.Input!;
            InputFit fit = InputFit.Create(input.Resize, decoded.Width, decoded.Height, input.Width, input.Height);
            IReadOnlyDictionary<string, FloatTensor> outputs = session.Run(ModelInputBuilder.Build(decoded.Bitmap, input, fit));
            double modelMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;
            cancellationToken.ThrowIfCancellationRequested();

            stage = Stopwatch.GetTimestamp();
            IReadOnlyList<DetectedInstance> instances = DecodeOutputs(outputs, fit);
            double masksMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;

            stage = Stopwatch.GetTimestamp();
            IReadOnlyList<GarmentWithParts> found = GarmentParts.Attach(instances, _categories);
            double labelsMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;
            cancellationToken.ThrowIfCancellationRequested();

            double coloursMs = 0;
            double overlayMs = 0;
            List<GarmentSuggestion> garments = [];
            foreach (GarmentWithParts garment in found)
            {
                stage = Stopwatch.GetTimestamp();
                IReadOnlyList<ColourSuggestion> colours = colourExtractor.Extract(decoded.Bitmap, garment.Garment.Mask);
                coloursMs += Stopwatch.GetElapsedTime(stage).TotalMilliseconds;

                stage = Stopwatch.GetTimestamp();
                SKColor colour = OverlayPalette.ColourAt(garments.Count);
                byte[] overlay = overlayRenderer.Render(garment.Garment.Mask, colour);
                overlayMs += Stopwatch.GetElapsedTime(stage).TotalMilliseconds;

                List<CategorySuggestion> categories = CategoriesOf(garment);
                garments.Add(new GarmentSuggestion(
                    garment.Garment.Mask,
                    overlay,
                    OverlayPalette.ToHex(colour),
                    categories,
                    categories[0].Attributes,
                    colours,
                    ListingTextSeed.CreateTitle(categories[0], colours, categories[0].Attributes),
                    ListingTextSeed.CreateDescription(categories[0], colours, categories[0].Attributes)));
            }

            // The stage fields are shared with the starter model: "embedding" is the model run here, "mask" the
            // decoding of its outputs into photo-size masks and "head" the grouping of parts and attributes.
            StageTimings timings = new(
                decodeMs,
                masksMs,
                modelMs,
                labelsMs,
                coloursMs,
                overlayMs,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Log.Analysed(logger, clean.Width, clean.Height, instances.Count, garments.Count, timings.TotalMs);
            Log.Stages(logger, decodeMs, modelMs, masksMs, labelsMs, coloursMs, overlayMs);

            return new PhotoAnalysed(clean, garments, timings);
        }
    }

    /// <summary>Runs the model once on a generated photo, so that the session is loaded and warm.</summary>
    public void WarmUp()
    {
        SuggestionOutcome outcome = Suggest(PhotoCleaning.WarmUpPhoto(), CancellationToken.None);
        Log.WarmedUp(logger, model.Name, outcome is PhotoAnalysed analysed ? analysed.Timings.TotalMs : 0);
    }

    private IReadOnlyList<DetectedInstance> DecodeOutputs(IReadOnlyDictionary<string, FloatTensor> outputs, InputFit fit)
    {
        ModelOutputSpec names = model.Manifest.Outputs!;
        ModelThresholds thresholds = model.Manifest.Thresholds;
        FloatTensor? attributes = string.IsNullOrEmpty(names.AttributeLogits) ? null : outputs[names.AttributeLogits];

        return model.Manifest.Layout == ModelLayout.Query
            ? QueryOutputDecoder.Decode(
                outputs[names.MaskLogits!],
                outputs[names.CategoryLogits!],
                attributes,
                names.NoObjectClass,
                fit,
                thresholds)
            : DenseOutputDecoder.Decode(
                outputs[names.Detections!],
                names.AnchorsFirst,
                outputs[names.Prototypes!],
                attributes,
                _categories.Length,
                fit,
                thresholds);
    }

    private List<CategorySuggestion> CategoriesOf(GarmentWithParts garment)
    {
        float[] probabilities = garment.Garment.CategoryProbabilities;

        // A garment's alternatives are other garments: "sleeve" is never offered as what a top might be.
        return Enumerable.Range(0, _categories.Length)
            .Where(i => i == garment.Garment.CategoryIndex || !CategoryDisplayNames.IsPart(_categories[i]))
            .OrderByDescending(i => i == garment.Garment.CategoryIndex)
            .ThenByDescending(i => probabilities[i])
            .Take(CategoryCount)
            .Select(i => new CategorySuggestion(
                _categories[i].Name,
                CategoryDisplayNames.For(_categories[i]),
                _categories[i].Id,
                _categories[i].Name,
                probabilities[i],
                AttributesFor(garment, _categories[i])))
            .ToList();
    }

    private List<AttributeSuggestion> AttributesFor(GarmentWithParts garment, FashionpediaCategory category)
    {
        float[]? own = garment.Garment.AttributeProbabilities;
        if (own is null)
        {
            return [];
        }

        float threshold = model.Manifest.Thresholds.Attribute;
        List<AttributeSuggestion> suggestions = [];
        for (int a = 0; a < _attributes.Length; a++)
        {
            float score = own[a];
            foreach (DetectedInstance part in garment.Parts)
            {
                score = Math.Max(score, part.AttributeProbabilities![a]);
            }

            FashionpediaAttributeDefinition attribute = _attributes[a];
            if (score >= threshold && _taxonomy.Describes(attribute, category))
            {
                suggestions.Add(new AttributeSuggestion(attribute.Id, attribute.Name, attribute.Supercategory, score));
            }
        }

        suggestions.Sort((x, y) => y.Score.CompareTo(x.Score));

        return suggestions;
    }

    private static partial class Log
    {
        [LoggerMessage(40, LogLevel.Information,
            "Analysed a {Width}x{Height} photo: {Instances} instances kept, {Garments} garments offered, "
            + "in {TotalMs:F0} ms")]
        public static partial void Analysed(ILogger logger, int width, int height, int instances, int garments,
            double totalMs);

        [LoggerMessage(41, LogLevel.Debug,
            "Stages in ms: decode {DecodeMs:F1}, model {ModelMs:F1}, masks {MasksMs:F1}, labels {LabelsMs:F1}, "
            + "colours {ColoursMs:F1}, overlays {OverlayMs:F1}")]
        public static partial void Stages(ILogger logger, double decodeMs, double modelMs, double masksMs,
            double labelsMs, double coloursMs, double overlayMs);

        [LoggerMessage(43, LogLevel.Information, "Model {ModelName} ready: a first analysis took {TotalMs:F0} ms")]
        public static partial void WarmedUp(ILogger logger, string modelName, double totalMs);
    }
}
