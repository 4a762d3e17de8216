using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Web.Studies;

/// <summary>
/// A study's results as the dashboard and the downloads show them: the analysis of its participants under its
/// declared rule, and the completion times behind the charts.
/// </summary>
/// <param name="Results">What the analysis found.</param>
/// <param name="Records">Every participant, as the analysis took them.</param>
/// <param name="SecondsA">Completion times of flow A of the included participants.</param>
/// <param name="SecondsB">Completion times of flow B of the included participants.</param>
public sealed record StudyReport(
    StudyResults Results,
    IReadOnlyList<ParticipantRecord> Records,
    IReadOnlyList<double> SecondsA,
    IReadOnlyList<double> SecondsB)
{
    public static StudyReport Of(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);

        IReadOnlyList<ParticipantRecord> records = StudyService.Records(study);
        StudyResults results = StudyAnalysis.Analyse(records, study.Participants.Count, study.ExclusionRule);

        // The analysis names the excluded participants; the included ones are the others who started.
        HashSet<string> excluded = [.. results.Excluded.Select(e => e.ParticipantCode)];
        ParticipantRecord[] included =
        [
            .. records.Where(r => r.Tasks.Any(t => t.StartedUtc is not null) && !excluded.Contains(r.ParticipantCode)),
        ];

        return new StudyReport(results, records, Seconds(included, StudyFlow.A), Seconds(included, StudyFlow.B));
    }

    /// <summary>The per-task rows as CSV (see <see cref="StudyCsv.WriteRows"/>).</summary>
    public static string RowsCsv(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        StudyCsv.WriteRows(StudyService.Records(study), study.ExclusionRule, writer);

        return writer.ToString();
    }

    /// <summary>The summary as CSV (see <see cref="StudyCsv.WriteSummary"/>).</summary>
    public static string SummaryCsv(Study study)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        StudyCsv.WriteSummary(Of(study).Results, writer);

        return writer.ToString();
    }

    private static double[] Seconds(IEnumerable<ParticipantRecord> included, StudyFlow flow) =>
        [.. included.SelectMany(r => r.Tasks)
            .Where(t => t.Flow == flow && t.Completed && t.Seconds is not null)
            .Select(t => t.Seconds!.Value)];
}
