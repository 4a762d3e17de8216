using System.Diagnostics;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Colour;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FashionListing.Inference.Pipeline;

/// <summary>
/// The starter model end to end: decode and clean the photo, find the garment's mask, classify the
/// garment cropped to its mask, read its colours, draw the overlay and seed the listing's text.
/// </summary>
/// <remarks>
/// The starter model finds one garment per photo (the largest region of the mask), so a photo of
/// several garments yields one suggestion that may cover all of them.
/// </remarks>
public sealed partial class StarterListingSuggester(
    PhotoDecoder decoder,
    IGarmentSegmenter segmenter,
    CategoryClassifier classifier,
    StarterLabelMap labels,
    DominantColourExtractor colourExtractor,
    MaskOverlayRenderer overlayRenderer,
    ILogger<StarterListingSuggester> logger) : IListingSuggester
{
    /// <summary>How many categories are offered to the seller.</summary>
    public const int CategoryCount = 3;

    /// <inheritdoc />
    public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        // The work is CPU-bound; running it on the thread pool keeps the caller (a Blazor circuit)
        // responsive while the model runs.
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
            GarmentMask mask = segmenter.Segment(decoded.Bitmap);
            double maskMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;
            if (!mask.Pixels.AsSpan().ContainsAnyExcept((byte)0))
            {
                Log.NoGarment(logger, clean.Width, clean.Height);
                StageTimings none = new(decodeMs, maskMs, 0, 0, 0, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                return new PhotoAnalysed(clean, [], none);
            }

            cancellationToken.ThrowIfCancellationRequested();

            stage = Stopwatch.GetTimestamp();
            float[] features = classifier.ExtractFeatures(decoded.Bitmap, mask);
            double embeddingMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;

            stage = Stopwatch.GetTimestamp();
            CategoryPrediction prediction = classifier.Predict(features);
            List<CategorySuggestion> categories = prediction.Top(CategoryCount)
                .Select(p => labels.Get(p.Label).ToCategorySuggestion(p.Probability))
                .ToList();
            IReadOnlyList<AttributeSuggestion> attributes = categories[0].Attributes;
            double headMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;

            stage = Stopwatch.GetTimestamp();
            IReadOnlyList<ColourSuggestion> colours = colourExtractor.Extract(decoded.Bitmap, mask);
            double coloursMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;

            stage = Stopwatch.GetTimestamp();
            SKColor overlayColour = OverlayPalette.ColourAt(0);
            byte[] overlay = overlayRenderer.Render(mask, overlayColour);
            double overlayMs = Stopwatch.GetElapsedTime(stage).TotalMilliseconds;

            GarmentSuggestion garment = new(
                mask,
                overlay,
                OverlayPalette.ToHex(overlayColour),
                categories,
                attributes,
                colours,
                ListingTextSeed.CreateTitle(categories[0], colours, attributes),
                ListingTextSeed.CreateDescription(categories[0], colours, attributes));
            StageTimings timings = new(
                decodeMs,
                maskMs,
                embeddingMs,
                headMs,
                coloursMs,
                overlayMs,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Log.Analysed(logger, clean.Width, clean.Height, categories[0].Label, categories[0].Probability,
                timings.TotalMs);
            Log.Stages(logger, decodeMs, maskMs, embeddingMs, headMs, coloursMs, overlayMs);

            return new PhotoAnalysed(clean, [garment], timings);
        }
    }

    /// <summary>Runs every stage once on a generated photo, so that the sessions are loaded and warm.</summary>
    public void WarmUp()
    {
        SuggestionOutcome outcome = Suggest(PhotoCleaning.WarmUpPhoto(), CancellationToken.None);
        Log.WarmedUp(logger, outcome is PhotoAnalysed analysed ? analysed.Timings.TotalMs : 0);
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Information,
            "Analysed a {Width}x{Height} photo: {Label} ({Probability:P0}) in {TotalMs:F0} ms")]
        public static partial void Analysed(
            ILogger logger, int width, int height, string label, float probability, double totalMs);

        [LoggerMessage(21, LogLevel.Debug,
            "Stages in ms: decode {DecodeMs:F1}, mask {MaskMs:F1}, embedding {EmbeddingMs:F1}, head {HeadMs:F1}, "
            + "colours {ColoursMs:F1}, overlay {OverlayMs:F1}")]
        public static partial void Stages(
            ILogger logger,
            double decodeMs,
            double maskMs,
            double embeddingMs,
            double headMs,
            double coloursMs,
            double overlayMs);

        [LoggerMessage(23, LogLevel.Information, "Starter model ready: a first analysis took {TotalMs:F0} ms")]
        public static partial void WarmedUp(ILogger logger, double totalMs);

        [LoggerMessage(22, LogLevel.Information, "No garment found in a {Width}x{Height} photo")]
        public static partial void NoGarment(ILogger logger, int width, int height);
    }
}
