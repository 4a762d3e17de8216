using System.Diagnostics;
using System.Globalization;
using System.Text;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tools.Segmentation;

/// <summary>
/// <c>mask-eval</c>: IoU of the segmenter against the 200 reference masks and its time per photo;
/// optionally the GrabCut teacher on the same photos (<c>--teacher</c>) and a sweep of the refinement
/// settings against teacher labels of held-out senders (<c>--sweep</c>, never against the references).
/// Writes models/starter/mask-report.md.
/// </summary>
internal static class MaskEvaluation
{
    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        MaskDataset dataset = MaskDataset.Load(options.Text("data"));
        string modelFolder = Path.GetFullPath(options.Text("model", Path.Combine("models", "starter")));
        string report = Path.GetFullPath(options.Text("report", Path.Combine(modelFolder, "mask-report.md")));
        string work = Path.GetFullPath(options.Text("work", "artifacts/mask"));
        int trainCount = options.Integer("train", dataset.Training.Count);
        string? csv = options.Text("csv");
        MaskRefinement d = MaskRefinement.Default;
        MaskRefinement refinement = new(
            options.Integer("radius", d.Radius),
            options.Number("eps", d.Epsilon),
            options.Number("threshold", d.Threshold),
            options.Number("colour", d.ColourWeight),
            options.Number("clamp", d.PriorClamp),
            options.Integer("rounds", d.ColourIterations),
            options.Number("limit", d.ColourLimit));
        HashSet<int> trainingSenders = MaskDataset.Sample(dataset.Training, trainCount, 17)
            .Select(p => p.SenderId).ToHashSet();

        int threads = options.Integer("ort-threads", 0);
        using ResNet18Backbone backbone = MaskTraining.CreateBackbone(threads);
        IOptions<InferenceOptions> inference = Options.Create(new InferenceOptions
        {
            ExecutionProvider = ExecutionProviderChoice.Cpu,
            ModelFolder = modelFolder,
        });
        HeadGarmentSegmenter segmenter = new(
            inference, backbone, NullLogger<HeadGarmentSegmenter>.Instance, refinement);

        if (options.Flag("bench-backbone"))
        {
            using SKBitmap bitmap = SKBitmap.Decode(dataset.PhotoPath(dataset.Reference[0].Image));
            foreach ((int w, int h) in new[] { (192, 256), (160, 224), (160, 192), (128, 160) })
            {
                List<double> times = [];
                for (int i = 0; i < 25; i++)
                {
                    long started = Stopwatch.GetTimestamp();
                    backbone.Extract(bitmap, new SKRectI(0, 0, bitmap.Width, bitmap.Height), w, h);
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                double[] sorted = times.Skip(3).Order().ToArray();
                double median = Percentile(sorted, 0.5);
                Console.WriteLine(Invariant($"backbone {w}x{h}: min {sorted[0]:F1} ms, median {median:F1} ms"));
            }

            return 0;
        }

        if (options.Flag("sweep"))
        {
            Sweep(dataset, segmenter, work, options.Integer("val", 150));

            return 0;
        }

        List<Result> student = Measure(dataset, dataset.Reference, photo => segmenter.Segment(photo), null);
        StringBuilder text = new();
        string command = "dotnet run --project FashionListing.Tools -c Release -- mask-eval " + string.Join(' ', args);
        text.AppendLine("# Garment mask: evaluation report").AppendLine()
            .AppendLine(Invariant($"Written by `{command.Trim()}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."))
            .AppendLine()
            .AppendLine("Reference: the 200 masks in clothing-dataset/masks (made by a salient-object model), used")
            .AppendLine("only to measure. Time: wall-clock per photo, one photo at a time, after 3 warm-up photos,")
            .AppendLine(Invariant($"on this machine ({Environment.ProcessorCount} cores, shared with other jobs;"))
            .AppendLine(Invariant($"load average {LoadAverage()} at the start), ONNX Runtime intra-op threads: ")
                + (threads > 0 ? threads.ToString(CultureInfo.InvariantCulture) : "its default") + ".")
            .AppendLine()
            .AppendLine("| Method | Photos | Mean IoU | Median IoU | Min IoU | Median ms | 90th pct ms |")
            .AppendLine("|---|---|---|---|---|---|---|");
        string filter = refinement.Radius > 0
            ? Invariant($", guided filter r={refinement.Radius} eps={refinement.Epsilon}")
            : ", no guided filter";
        text.AppendLine(Row(Invariant(
            $"Head + colour model (weight {refinement.ColourWeight}, {refinement.ColourIterations} rounds){filter}"),
            student));
        List<Result> inSenders = student.Where(r => trainingSenders.Contains(r.Photo.SenderId)).ToList();
        List<Result> outSenders = student.Where(r => !trainingSenders.Contains(r.Photo.SenderId)).ToList();
        text.AppendLine(Row("  of which senders seen in training", inSenders));
        text.AppendLine(Row("  of which senders not seen in training", outSenders));

        if (options.Flag("teacher"))
        {
            int iterations = options.Integer("iterations", 5);
            List<Result> teacher = Measure(dataset, dataset.Reference, null, path =>
            {
                (byte[] mask, int w, int h) = GrabCutTeacher.Label(path, iterations);

                return (mask, w, h);
            });
            string name = Invariant($"GrabCut teacher ({iterations} iterations, 320 px, largest region, holes filled)");
            text.AppendLine(Row(name, teacher));
            if (csv is not null)
            {
                File.WriteAllLines(csv + ".teacher", teacher.Select(CsvLine));
            }
        }

        text.AppendLine().AppendLine(Breakdown(dataset, backbone, segmenter, refinement));

        text.AppendLine().AppendLine("Worst five photos of the head:").AppendLine();
        foreach (Result r in student.OrderBy(r => r.IoU).Take(5))
        {
            text.AppendLine(Invariant(
                $"- {r.Photo.Image} ({r.Photo.Label}, sender {r.Photo.SenderId}): IoU {r.IoU:F3}"));
        }

        if (csv is not null)
        {
            File.WriteAllLines(csv, student.Select(CsvLine));
        }

        string? dump = options.Text("dump");
        if (dump is not null)
        {
            Directory.CreateDirectory(dump);
            foreach (Result r in student.OrderBy(r => r.IoU).Take(options.Integer("dump-count", 12)))
            {
                string sheet = Path.Combine(dump, Invariant($"{r.IoU:F3}-{r.Photo.Image}.png"));
                DumpComparison(dataset, segmenter, r.Photo, sheet);
            }
        }

        string summary = Path.Combine(work, "train-summary.md");
        if (File.Exists(summary))
        {
            text.AppendLine().AppendLine("## Training").AppendLine().Append(File.ReadAllText(summary));
        }

        string extra = Path.Combine(work, "report-notes.md");
        if (File.Exists(extra))
        {
            text.AppendLine().Append(File.ReadAllText(extra));
        }

        File.WriteAllText(report, text.ToString());
        Console.WriteLine(text.ToString());
        Console.WriteLine($"Wrote {report}");

        return 0;
    }

    private sealed record Result(DatasetPhoto Photo, double IoU, double Milliseconds, double BorderShare);

    private static List<Result> Measure(
        MaskDataset dataset,
        IReadOnlyList<DatasetPhoto> photos,
        Func<SKBitmap, GarmentMask>? segment,
        Func<string, (byte[] Mask, int Width, int Height)>? teacher)
    {
        List<Result> results = [];
        for (int i = -3; i < photos.Count; i++)
        {
            DatasetPhoto photo = photos[Math.Max(0, i)];
            string path = dataset.PhotoPath(photo.Image);
            using SKBitmap bitmap = SKBitmap.Decode(path);
            byte[] mask;
            long started = Stopwatch.GetTimestamp();
            if (segment is not null)
            {
                GarmentMask garment = segment(bitmap);
                mask = garment.Pixels;
                if (garment.Width != bitmap.Width || garment.Height != bitmap.Height)
                {
                    throw new InvalidOperationException(
                        $"The mask is {garment.Width}x{garment.Height}; the photo is {bitmap.Width}x{bitmap.Height}.");
                }
            }
            else
            {
                (byte[] small, int w, int h) = teacher!(path);
                mask = MaskFiles.Nearest(small, w, h, bitmap.Width, bitmap.Height);
            }

            double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i < 0)
            {
                continue;
            }

            byte[] reference = MaskFiles.ReadAt(dataset.ReferenceMaskPath(photo.Image), bitmap.Width, bitmap.Height);
            results.Add(new Result(photo, MaskMetrics.IoU(mask, reference), ms,
                BorderShare(reference, bitmap.Width, bitmap.Height)));
        }

        return results;
    }

    // Medians over the reference photos of the stages of one call: backbone, head, refinement.
    private static string Breakdown(
        MaskDataset dataset,
        ResNet18Backbone backbone,
        HeadGarmentSegmenter segmenter,
        MaskRefinement refinement)
    {
        List<double> backboneMs = [];
        List<double> scoreMs = [];
        List<double> refineMs = [];
        foreach (DatasetPhoto photo in dataset.Reference)
        {
            using SKBitmap bitmap = SKBitmap.Decode(dataset.PhotoPath(photo.Image));
            (int iw, int ih) = segmenter.InputSize(bitmap.Width, bitmap.Height);
            long started = Stopwatch.GetTimestamp();
            backbone.Extract(bitmap, new SKRectI(0, 0, bitmap.Width, bitmap.Height), iw, ih);
            backboneMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            CellScores scores = segmenter.Score(bitmap);
            scoreMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            HeadGarmentSegmenter.Refine(bitmap, scores, refinement);
            refineMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        double backboneMedian = Percentile(backboneMs.Order().ToArray(), 0.5);
        double scoreMedian = Percentile(scoreMs.Order().ToArray(), 0.5);
        double refineMedian = Percentile(refineMs.Order().ToArray(), 0.5);

        return "Stage medians over the same photos (measured separately): "
            + Invariant($"backbone {backboneMedian:F1} ms, backbone + head features and head {scoreMedian:F1} ms, ")
            + Invariant($"refinement {refineMedian:F1} ms.");
    }

    private static void Sweep(MaskDataset dataset, HeadGarmentSegmenter segmenter, string work, int valCount)
    {
        List<DatasetPhoto> val = MaskDataset.Sample(dataset.Validation, valCount, 23)
            .Where(p => File.Exists(MaskTraining.TeacherPath(work, p.Image))).ToList();
        List<(SKBitmap Photo, CellScores Scores, byte[] Teacher)> cases = [];
        foreach (DatasetPhoto photo in val)
        {
            SKBitmap bitmap = SKBitmap.Decode(dataset.PhotoPath(photo.Image));
            (byte[] teacher, int w, int h) = MaskFiles.Read(MaskTraining.TeacherPath(work, photo.Image));
            cases.Add((bitmap, segmenter.Score(bitmap), MaskFiles.Nearest(teacher, w, h, bitmap.Width, bitmap.Height)));
        }

        Console.WriteLine($"Sweep on {cases.Count} validation photos (held-out senders), IoU against GrabCut teacher");
        List<MaskRefinement> grid =
        [
            new(0, 0.001f, 0.5f, 1, 8, 2, 5),
            new(0, 0.001f, 0.5f, 1, 8, 2, 3),
            new(0, 0.001f, 0.5f, 1, 8, 2, 2),
            new(0, 0.001f, 0.5f, 1.5f, 8, 2, 2),
            new(0, 0.001f, 0.5f, 2, 8, 2, 1.5f),
        ];

        foreach (MaskRefinement settings in grid)
        {
            double sum = 0;
            Stopwatch clock = Stopwatch.StartNew();
            foreach ((SKBitmap photo, CellScores scores, byte[] teacher) in cases)
            {
                sum += MaskMetrics.IoU(HeadGarmentSegmenter.Refine(photo, scores, settings).Pixels, teacher);
            }

            double ms = clock.Elapsed.TotalMilliseconds / cases.Count;
            Console.WriteLine(Invariant($"{settings}: mean IoU {sum / cases.Count:F4}, {ms:F1} ms/photo"));
        }

        foreach ((SKBitmap photo, _, _) in cases)
        {
            photo.Dispose();
        }
    }

    // Photo, predicted mask and reference mask side by side, for looking at failures.
    private static void DumpComparison(
        MaskDataset dataset,
        HeadGarmentSegmenter segmenter,
        DatasetPhoto photo,
        string path)
    {
        using SKBitmap bitmap = SKBitmap.Decode(dataset.PhotoPath(photo.Image));
        GarmentMask mask = segmenter.Segment(bitmap);
        byte[] reference = MaskFiles.ReadAt(dataset.ReferenceMaskPath(photo.Image), bitmap.Width, bitmap.Height);
        int w = bitmap.Width;
        int h = bitmap.Height;
        using SKBitmap sheet = new(new SKImageInfo(w * 3, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(sheet))
        {
            using SKImage image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint: null);
        }

        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                byte p = mask.Pixels[(y * w) + x] != 0 ? (byte)255 : (byte)0;
                byte q = reference[(y * w) + x] != 0 ? (byte)255 : (byte)0;
                sheet.SetPixel(w + x, y, new SKColor(p, p, p));
                sheet.SetPixel((2 * w) + x, y, new SKColor(q, q, q));
            }
        }

        using SKData data = sheet.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        data.SaveTo(file);
    }

    // Share of the reference's garment pixels in the outer 5% band that a 90% GrabCut rectangle excludes.
    private static double BorderShare(byte[] mask, int width, int height)
    {
        int mx = (int)Math.Round(width * 0.05);
        int my = (int)Math.Round(height * 0.05);
        long total = 0;
        long border = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (mask[(y * width) + x] != 0)
                {
                    total++;
                    border += x < mx || x >= width - mx || y < my || y >= height - my ? 1 : 0;
                }
            }
        }

        return total == 0 ? 0 : (double)border / total;
    }

    private static string Row(string name, List<Result> results)
    {
        if (results.Count == 0)
        {
            return $"| {name} | 0 | - | - | - | - | - |";
        }

        double[] iou = results.Select(r => r.IoU).Order().ToArray();
        double[] ms = results.Select(r => r.Milliseconds).Order().ToArray();

        string iouColumns = Invariant($"{iou.Average():F4} | {Percentile(iou, 0.5):F4} | {iou[0]:F4}");
        string msColumns = Invariant($"{Percentile(ms, 0.5):F1} | {Percentile(ms, 0.9):F1}");

        return $"| {name} | {results.Count} | {iouColumns} | {msColumns} |";
    }

    private static double Percentile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(sorted.Length - 1, low + 1);

        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    private static string CsvLine(Result r) => Invariant(
        $"{r.Photo.Image},{r.Photo.SenderId},{r.Photo.Label},{r.IoU:F4},{r.BorderShare:F4},{r.Milliseconds:F1}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
