using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tools.Benchmarks;

/// <summary>
/// The <c>benchmark</c> verb: runs the whole starter pipeline on real photos and on a 12-megapixel
/// JPEG made from one of them, and writes the median time of every stage to a Markdown file. With
/// <c>--postprocessing</c> it times the instance post-processing instead (<see cref="PostProcessingBenchmark"/>).
/// </summary>
internal static class PipelineBenchmark
{
    private const int DefaultPhotos = 40;
    private const int DefaultRepeats = 5;

    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        if (options.Flag("postprocessing"))
        {
            return PostProcessingBenchmark.Run(options, args);
        }

        string shared = options.Text("shared", Path.Combine("..", "shared"));
        string output = options.Text("out", Path.Combine("docs", "benchmarks.md"));
        int photoCount = options.Integer("photos", DefaultPhotos);
        int repeats = options.Integer("repeats", DefaultRepeats);
        string images = Path.Combine(shared, "clothing-dataset", "images");
        if (!Directory.Exists(images))
        {
            Console.Error.WriteLine($"No photos at {images}; pass --shared with the shared data folder.");

            return 1;
        }

        using ServiceProvider services = ToolServices.Build();
        IListingSuggester suggester = services.GetRequiredService<IListingSuggester>();
        int threads = services.GetRequiredService<IOptions<InferenceOptions>>().Value.IntraOpThreads;

        // Photos in name order, so every run measures the same ones.
        List<string> files = Directory.EnumerateFiles(images, "*.jpg").Order(StringComparer.Ordinal).Take(photoCount).ToList();
        List<byte[]> photos = files.Select(File.ReadAllBytes).ToList();
        byte[] phonePhoto = MakePhonePhoto(photos[0]);

        Console.WriteLine($"Warming up, then {repeats} runs of {photos.Count} photos and of one 12 MP JPEG");
        Run(suggester, photos[0]);
        Run(suggester, phonePhoto);
        List<StageTimings> small = [];
        List<StageTimings> large = [];
        for (int r = 0; r < repeats; r++)
        {
            small.AddRange(photos.Select(p => Run(suggester, p)));
            large.Add(Run(suggester, phonePhoto));
        }

        string report = Report(small, large, photos.Count, repeats, threads, args);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, report);
        Console.WriteLine(report);

        return 0;
    }

    private static StageTimings Run(IListingSuggester suggester, byte[] photo)
    {
        SuggestionOutcome outcome = suggester.SuggestAsync(photo, CancellationToken.None).GetAwaiter().GetResult();

        return outcome is PhotoAnalysed analysed
            ? analysed.Timings
            : throw new InvalidOperationException($"A benchmark photo was rejected: {outcome}");
    }

    // A phone-sized photo: one real photo scaled to 4000x3000 (12 MP) and encoded as a JPEG at quality
    // 92, like a phone camera's output. Its content is the real photo, so every stage does real work.
    private static byte[] MakePhonePhoto(byte[] source)
    {
        using SKBitmap original = SKBitmap.Decode(source);
        using SKBitmap large = new(new SKImageInfo(3000, 4000, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(large))
        {
            using SKImage image = SKImage.FromBitmap(original);
            canvas.DrawImage(image, new SKRect(0, 0, 3000, 4000), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        using SKData encoded = large.Encode(SKEncodedImageFormat.Jpeg, 92);

        return encoded.ToArray();
    }

    private static string Report(List<StageTimings> small, List<StageTimings> large, int photos, int repeats,
        int threads, IReadOnlyList<string> args)
    {
        StringBuilder text = new();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Median milliseconds per stage of the starter pipeline, from the photo's bytes to a finished");
        text.AppendLine("suggestion, on CPU. Produced by:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine("dotnet run --project FashionListing.Tools -c Release -- benchmark " + string.Join(' ', args));
        text.AppendLine("```");
        text.AppendLine();
        string threadSetting = threads == 0 ? "ONNX Runtime's choice" : threads.ToString(CultureInfo.InvariantCulture);
        string machine = RuntimeInformation.OSDescription;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {machine}, .NET {Environment.Version}; measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"ONNX Runtime threads per model run (Inference:IntraOpThreads): {threadSetting}. One photo at a time.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| Stage | {photos} photos of ../shared/clothing-dataset (mostly 400x533), {repeats} runs each | 12 MP JPEG (3000x4000), {repeats} runs |");
        text.AppendLine("|---|---:|---:|");
        Row(text, "Decode, orient, resize, re-encode without metadata", small, large, t => t.DecodeMs);
        Row(text, "Garment mask", small, large, t => t.MaskMs);
        Row(text, "Embedding (backbone on the garment crop)", small, large, t => t.EmbeddingMs);
        Row(text, "Category head", small, large, t => t.HeadMs);
        Row(text, "Colours", small, large, t => t.ColoursMs);
        Row(text, "Overlay PNG", small, large, t => t.OverlayMs);
        Row(text, "**End to end**", small, large, t => t.TotalMs);

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, List<StageTimings> small, List<StageTimings> large,
        Func<StageTimings, double> stage)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Median(small.Select(stage)):F1} | {Median(large.Select(stage)):F1} |");
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;

        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
