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
        int trainCount = options.Integer("train", 1200);
        MaskRefinement refinement = new(
            options.Integer("radius", MaskRefinement.Default.Radius),
            options.Number("eps", MaskRefinement.Default.Epsilon),
            options.Number("threshold", MaskRefinement.Default.Threshold));
        HashSet<int> trainingSenders = MaskDataset.Sample(dataset.Training, trainCount, 17)
            .Select(p => p.SenderId).ToHashSet();

        using ResNet18Backbone backbone = MaskTraining.CreateBackbone();
        IOptions<InferenceOptions> inference = Options.Create(new InferenceOptions
        {
            ExecutionProvider = ExecutionProviderChoice.Cpu,
            ModelFolder = modelFolder,
        });
        HeadGarmentSegmenter segmenter = new(
            inference, backbone, NullLogger<HeadGarmentSegmenter>.Instance, refinement);

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
            .AppendLine(Invariant($"on this machine ({Environment.ProcessorCount} cores, shared with other jobs)."))
            .AppendLine()
            .AppendLine("| Method | Photos | Mean IoU | Median IoU | Min IoU | Median ms | 90th pct ms |")
            .AppendLine("|---|---|---|---|---|---|---|");
        text.AppendLine(Row(Invariant(
            $"Head + guided filter (r={refinement.Radius}, eps={refinement.Epsilon}, t={refinement.Threshold})"),
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
            text.AppendLine(Row(Invariant($"GrabCut teacher ({iterations} iterations, 320 px, largest region, holes filled)"),
                teacher));
        }

        text.AppendLine().AppendLine("Worst five photos of the head:").AppendLine();
        foreach (Result r in student.OrderBy(r => r.IoU).Take(5))
        {
            text.AppendLine(Invariant($"- {r.Photo.Image} ({r.Photo.Label}, sender {r.Photo.SenderId}): IoU {r.IoU:F3}"));
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

    private sealed record Result(DatasetPhoto Photo, double IoU, double Milliseconds);

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
            results.Add(new Result(photo, MaskMetrics.IoU(mask, reference), ms));
        }

        return results;
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
        int[] radii = [0, 4, 8, 12, 16];
        float[] epsilons = [0.001f, 0.01f, 0.05f];
        float[] thresholds = [0.4f, 0.5f, 0.6f];
        foreach (int radius in radii)
        {
            foreach (float epsilon in radius == 0 ? [0f] : epsilons)
            {
                foreach (float threshold in thresholds)
                {
                    MaskRefinement settings = new(radius, epsilon, threshold);
                    double sum = 0;
                    foreach ((SKBitmap photo, CellScores scores, byte[] teacher) in cases)
                    {
                        sum += MaskMetrics.IoU(HeadGarmentSegmenter.Refine(photo, scores, settings).Pixels, teacher);
                    }

                    Console.WriteLine(Invariant($"r={radius} eps={epsilon} t={threshold}: mean IoU {sum / cases.Count:F4}"));
                }
            }
        }

        foreach ((SKBitmap photo, _, _) in cases)
        {
            photo.Dispose();
        }
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
