using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;

namespace FashionListing.Tools.Benchmarks;

/// <summary>
/// <c>benchmark --postprocessing</c>: times the query-layout instance decoding on synthetic outputs of the size
/// a Fashionpedia DETR model gives (100 queries, 96x96 mask logits, 46 classes and "no object", 294 attributes),
/// and prints a Markdown section with the median and 95th percentile.
/// </summary>
internal static class PostProcessingBenchmark
{
    private const int Queries = 100;
    private const int Grid = 96;
    private const int Classes = 47;
    private const int Attributes = 294;
    private const int InputSize = 384;
    private const int Garments = 12;
    private const int ConfidentQueries = 30;
    private const int WarmUpRuns = 50;
    private static readonly TimeSpan s_warmUpTime = TimeSpan.FromSeconds(1);

    public static int Run(ToolArguments options, IReadOnlyList<string> args)
    {
        int runs = options.Integer("runs", 40);
        string? output = options.Text("out");
        Outputs outputs = MakeOutputs(new Random(3));
        ModelThresholds thresholds = new();
        (int Width, int Height)[] photos = [(400, 533), (2048, 1536)];

        InputFit selectFit = InputFit.Create(
            ResizeMode.Stretch, photos[0].Width, photos[0].Height, InputSize, InputSize);
        int survivors = 0;
        double[] select = Measure(runs, () => survivors = QueryOutputDecoder.Select(
            outputs.Masks, outputs.Categories, true, selectFit, thresholds).Count);
        List<(string Photo, double[] Times, int Instances)> decodes = [];
        foreach ((int width, int height) in photos)
        {
            InputFit fit = InputFit.Create(ResizeMode.Stretch, width, height, InputSize, InputSize);
            int instances = 0;
            double[] times = Measure(runs, () => instances = QueryOutputDecoder.Decode(
                outputs.Masks, outputs.Categories, outputs.Attributes, true, fit, thresholds).Count);
            decodes.Add(($"{width}x{height}", times, instances));
        }

        string report = Report(select, survivors, decodes, runs, args);
        if (output is not null)
        {
            File.WriteAllText(output, report);
        }

        Console.WriteLine(report);

        return 0;
    }

    private static double[] Measure(int runs, Action decode)
    {
        // Long enough for the JIT to replace the first quick compilation of the loops by its optimised one,
        // which it does after 30 calls and a pause, so that the runs measure the code a warm server runs.
        long warmUp = Stopwatch.GetTimestamp();
        for (int i = 0; i < WarmUpRuns || Stopwatch.GetElapsedTime(warmUp) < s_warmUpTime; i++)
        {
            decode();
        }

        double[] times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            decode();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);

        return times;
    }

    // Twelve elliptical garments; every query is a jittered copy of one of them, as DETR's queries often
    // duplicate a garment. The first 30 queries are confident about a class, the rest favour "no object", so
    // about 30 candidates pass the score threshold and suppression leaves about one per garment.
    private static Outputs MakeOutputs(Random random)
    {
        (double X, double Y, double RadiusX, double RadiusY)[] garments = [.. Enumerable.Range(0, Garments)
            .Select(_ => ((double)random.Next(15, 81), (double)random.Next(15, 81),
                (double)random.Next(6, 20), (double)random.Next(6, 24)))];
        float[] masks = new float[Queries * Grid * Grid];
        float[] categories = new float[Queries * Classes];
        float[] attributes = new float[Queries * Attributes];
        for (int q = 0; q < Queries; q++)
        {
            (double x, double y, double radiusX, double radiusY) = garments[q % Garments];
            x += random.NextDouble() * 4 - 2;
            y += random.NextDouble() * 4 - 2;
            radiusX *= 0.85 + (random.NextDouble() * 0.3);
            radiusY *= 0.85 + (random.NextDouble() * 0.3);
            for (int row = 0; row < Grid; row++)
            {
                for (int column = 0; column < Grid; column++)
                {
                    double distance = Math.Sqrt(Math.Pow((column - x) / radiusX, 2) + Math.Pow((row - y) / radiusY, 2));
                    masks[(q * Grid * Grid) + (row * Grid) + column] =
                        (float)((4 * (1 - distance)) + random.NextDouble() - 0.5);
                }
            }

            for (int c = 0; c < Classes; c++)
            {
                categories[(q * Classes) + c] = (float)(random.NextDouble() * 2 - 1);
            }

            int favoured = q < ConfidentQueries ? random.Next(Classes - 1) : Classes - 1;
            categories[(q * Classes) + favoured] += 6;
            for (int a = 0; a < Attributes; a++)
            {
                attributes[(q * Attributes) + a] = (float)(random.NextDouble() * 8 - 4);
            }
        }

        return new Outputs(
            new FloatTensor(masks, [1, Queries, Grid, Grid]),
            new FloatTensor(categories, [1, Queries, Classes]),
            new FloatTensor(attributes, [1, Queries, Attributes]));
    }

    private static string Report(
        double[] select,
        int survivors,
        List<(string Photo, double[] Times, int Instances)> decodes,
        int runs,
        IReadOnlyList<string> args)
    {
        StringBuilder text = new();
        text.AppendLine("## Instance post-processing (query layout)");
        text.AppendLine();
        text.AppendLine("Milliseconds for `QueryOutputDecoder` on synthetic outputs of a Fashionpedia DETR model:");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Queries} queries, {Grid}x{Grid} mask logits, {Classes - 1} classes and \"no object\", "
            + $"{Attributes} attributes.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"The masks are jittered copies of {Garments} elliptical garments and {ConfidentQueries} queries pass");
        text.AppendLine("the score threshold, so the suppression has duplicates to remove. Default thresholds,");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"stretch into {InputSize}x{InputSize}, one thread; {runs} runs after at least {WarmUpRuns} warm-up runs");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"and {s_warmUpTime.TotalSeconds:F0} s. Produced by:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine("dotnet run --project FashionListing.Tools -c Release -- benchmark " + string.Join(' ', args));
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
            + $".NET {Environment.Version}; "
            + $"measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        if (File.Exists("/proc/loadavg"))
        {
            // The cores may be shared with other work; the load tells how much the numbers were disturbed.
            string load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1 minute) when it finished: {load}.");
        }

        text.AppendLine();
        text.AppendLine("| Step | Photo | Instances | Median ms | p95 ms |");
        text.AppendLine("|---|---|---:|---:|---:|");
        Row(text, $"Scores, top-k and mask NMS on the {Grid}x{Grid} grid (`Select`)", "any", survivors, select);
        foreach ((string photo, double[] times, int instances) in decodes)
        {
            Row(text, "Whole decode: the above, resize of the logits to the photo, attributes (`Decode`)",
                photo, instances, times);
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string step, string photo, int instances, double[] sorted)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {step} | {photo} | {instances} | {Percentile(sorted, 0.5):F2} | {Percentile(sorted, 0.95):F2} |");
    }

    // Nearest rank on sorted values.
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record Outputs(FloatTensor Masks, FloatTensor Categories, FloatTensor Attributes);
}
