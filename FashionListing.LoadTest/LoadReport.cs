using System.Globalization;
using System.Text;

namespace FashionListing.LoadTest;

/// <summary>The rounds as a Markdown table, with the failures listed below it.</summary>
internal static class LoadReport
{
    public static string Write(LoadTestSettings settings, IReadOnlyList<RoundResult> rounds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rounds);

        var text = new StringBuilder();
        Line(text, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; "
            + $"{settings.PhotosPerSeller} photo(s) per seller from {settings.PhotosFolder}.");
        string overrides = settings.AppSettings.Count == 0
            ? "none (appsettings.json)"
            : string.Join(", ", settings.AppSettings.Select(s => s.Key + "=" + s.Value));
        Line(text, $"Settings given to the app: {overrides}.");
        Line(text, "");
        Line(text, "| Sellers | Photos | Wall s | Suggestions/s | Upload to suggestions median ms | p95 ms "
            + "| Save median ms | p95 ms | Save clicks repeated | Suggested | No garment | Busy answers (server) "
            + "| Photos that met busy | Gave up busy | Errors | Seller failures | Server peak memory (VmHWM) "
            + "| Load average before / after |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (RoundResult round in rounds)
        {
            List<double> uploads = [.. round.Photos.Where(p => p.SaveMs is not null || p.Outcome == "NoGarment")
                .Select(p => p.UploadMs)];
            List<double> saves = [.. round.Photos.Where(p => p.SaveMs is not null).Select(p => p.SaveMs!.Value)];
            int suggested = round.Photos.Count(p => p.Outcome == "Suggested");
            int noGarment = round.Photos.Count(p => p.Outcome == "NoGarment");
            Line(text, $"| {round.Sellers} | {round.Photos.Count} of {round.Sellers * round.PhotosPerSeller} "
                + $"| {round.WallSeconds:F1} | {(suggested + noGarment) / round.WallSeconds:F2} "
                + $"| {Percentile(uploads, 50)} | {Percentile(uploads, 95)} | {Percentile(saves, 50)} "
                + $"| {Percentile(saves, 95)} | {round.Photos.Sum(p => Math.Max(0, p.SaveClicks - 1))} "
                + $"| {suggested} | {noGarment} | {round.BusyAnswers} "
                + $"| {round.Photos.Count(p => p.MetBusy)} | {round.Photos.Count(p => p.Outcome == "GaveUpBusy")} "
                + $"| {round.Photos.Count(p => p.Outcome == "Error")} | {round.SellerFailures} "
                + $"| {round.PeakMemoryBytes / (1024.0 * 1024.0):F0} MB | {round.LoadBefore} / {round.LoadAfter} |");
        }

        List<string> messages = [.. rounds.SelectMany(r => r.Photos.Where(p => p.Outcome == "Error")
                .Select(p => $"{r.Sellers} sellers: {p.Message}"))
            .Concat(rounds.SelectMany(r => r.FailureMessages
                .Select(m => $"{r.Sellers} sellers, a seller stopped: {m}")))];
        if (messages.Count > 0)
        {
            Line(text, "");
            Line(text, "Errors:");
            Line(text, "");
            foreach (string message in messages.Distinct(StringComparer.Ordinal))
            {
                Line(text, "- " + message);
            }
        }

        return text.ToString();
    }

    // Nearest rank: the smallest value with at least p% of the values at or below it.
    private static string Percentile(List<double> values, int percent)
    {
        if (values.Count == 0)
        {
            return "-";
        }

        List<double> sorted = [.. values.Order()];
        int rank = Math.Max(1, (int)Math.Ceiling(percent / 100.0 * sorted.Count));

        return sorted[rank - 1].ToString("F0", CultureInfo.InvariantCulture);
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
