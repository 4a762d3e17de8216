using System.Globalization;

namespace FashionListing.Web.Studies.Analysis;

/// <summary>
/// Writes study data as CSV for spreadsheets and statistics programs: RFC 4180 (comma separated, CRLF line ends,
/// fields with commas, quotes or line breaks quoted, quotes doubled), numbers and times in the invariant culture.
/// </summary>
/// <remarks>
/// Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed
/// with an apostrophe, so that a participant code or a suggestion cannot execute anything when the file is opened;
/// the apostrophe then shows in R or Python. A number that cannot be defined (NaN) is an empty field; infinities are
/// written as Inf and -Inf, which R reads as numbers.
/// </remarks>
public static class StudyCsv
{
    /// <summary>The header of <see cref="WriteRows"/>.</summary>
    public static readonly IReadOnlyList<string> RowColumns =
    [
        "participant", "order", "flow", "position", "started_utc", "ended_utc", "seconds", "completed",
        "included", "exclusion_reason", "preference", "sus_a", "sus_b", "field_edits", "kept_suggestions",
    ];

    /// <summary>The header of <see cref="WriteSummary"/>.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns = ["section", "measure", "value"];

    /// <summary>
    /// Writes a header and one row per participant per task; a participant without tasks gets one row with the task
    /// columns empty. "included" and "exclusion_reason" apply <paramref name="rule"/> as the analysis does. Field
    /// edits are written as "Colour=1;Title=2" (sorted by name) and kept suggestions as "Title;Colour:navy", each in
    /// one field, so a field name must not itself contain '=' or ';' for the text to be split back.
    /// </summary>
    public static void WriteRows(IReadOnlyList<ParticipantRecord> participants, ExclusionRule rule, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ScreenedParticipant[] screened = ParticipantScreening.Screen(participants, rule);

        WriteRecord(writer, RowColumns);
        foreach (ScreenedParticipant participant in screened)
        {
            ParticipantRecord record = participant.Record;
            string[] common =
            [
                Text(record.ParticipantCode),
                record.Order.ToString(),
            ];
            string[] answers =
            [
                Boolean(participant.Included),
                participant.Started ? Text(participant.Reason) : Text("never started"),
                record.Preference?.ToString(CultureInfo.InvariantCulture) ?? "",
                SusField(record.SusA),
                SusField(record.SusB),
            ];

            if (record.Tasks.Count == 0)
            {
                WriteRecord(writer, [.. common, "", "", "", "", "", "", .. answers, "", ""]);
                continue;
            }

            foreach (TaskRecord task in record.Tasks)
            {
                WriteRecord(
                    writer,
                    [
                        .. common,
                        task.Flow.ToString(),
                        task.Position.ToString(CultureInfo.InvariantCulture),
                        Time(task.StartedUtc),
                        Time(task.EndedUtc),
                        task.Seconds is { } seconds ? Number(seconds) : "",
                        Boolean(task.Completed),
                        .. answers,
                        Text(FieldEdits(task.FieldEdits)),
                        Text(string.Join(';', task.KeptSuggestions)),
                    ]);
            }
        }
    }

    /// <summary>
    /// Writes every number of <paramref name="results"/> as rows of section, measure and value, e.g.
    /// "flow_a_seconds,mean,109"; exclusions and warnings are rows too. Sections that the study lacks (no
    /// questionnaire, too few pairs) are left out.
    /// </summary>
    public static void WriteSummary(StudyResults results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);

        WriteRecord(writer, SummaryColumns);
        Row(writer, "participants", "invited", results.Invited);
        Row(writer, "participants", "started", results.Started);
        Row(writer, "participants", "completed", results.Completed);
        Row(writer, "participants", "completion_rate", results.CompletionRate);
        Row(writer, "participants", "excluded", results.Excluded.Count);
        Row(writer, "participants", "included", results.Included);
        foreach (Exclusion exclusion in results.Excluded)
        {
            WriteRecord(writer, ["exclusion", Text(exclusion.ParticipantCode), Text(exclusion.Reason)]);
        }

        SummaryRows(writer, "flow_a_seconds", results.FlowA);
        SummaryRows(writer, "flow_b_seconds", results.FlowB);
        if (results.PairedT is { } t)
        {
            const string Section = "paired_t_b_minus_a";
            Row(writer, Section, "count", t.Count);
            Row(writer, Section, "mean_difference", t.MeanDifference);
            Row(writer, Section, "sd", t.StandardDeviation);
            Row(writer, Section, "t", t.T);
            Row(writer, Section, "df", t.DegreesOfFreedom);
            Row(writer, Section, "p_two_sided", t.PValue);
            Row(writer, Section, "ci95_low", t.ConfidenceLow);
            Row(writer, Section, "ci95_high", t.ConfidenceHigh);
        }

        if (results.Wilcoxon is { } w)
        {
            const string Section = "wilcoxon_b_minus_a";
            Row(writer, Section, "nonzero_count", w.Count);
            Row(writer, Section, "w_plus", w.WPlus);
            Row(writer, Section, "w_minus", w.WMinus);
            Row(writer, Section, "p_two_sided", w.PValue);
            WriteRecord(writer, [Section, "method", w.Exact ? "exact" : "normal approximation"]);
        }

        for (int answer = 1; answer <= results.PreferenceCounts.Count; answer++)
        {
            string measure = answer.ToString(CultureInfo.InvariantCulture);
            Row(writer, "preference_counts", measure, results.PreferenceCounts[answer - 1]);
        }

        SummaryRows(writer, "preference", results.Preference);
        SummaryRows(writer, "sus_a", results.SusScoresA);
        SummaryRows(writer, "sus_b", results.SusScoresB);
        if (results.Order is { } order)
        {
            SummaryRows(writer, "order_a_first_b_minus_a", order.AFirstDifferences);
            SummaryRows(writer, "order_b_first_b_minus_a", order.BFirstDifferences);
            const string Section = "order_welch_a_first_minus_b_first";
            Row(writer, Section, "mean_difference", order.Test.MeanDifference);
            Row(writer, Section, "t", order.Test.T);
            Row(writer, Section, "df", order.Test.DegreesOfFreedom);
            Row(writer, Section, "p_two_sided", order.Test.PValue);
            Row(writer, Section, "ci95_low", order.Test.ConfidenceLow);
            Row(writer, Section, "ci95_high", order.Test.ConfidenceHigh);
        }

        foreach (string warning in results.Warnings)
        {
            WriteRecord(writer, ["warning", "", Text(warning)]);
        }
    }

    /// <summary>
    /// One field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    /// </summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;

        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void SummaryRows(TextWriter writer, string section, Summary? summary)
    {
        if (summary is null)
        {
            return;
        }

        Row(writer, section, "count", summary.Count);
        Row(writer, section, "mean", summary.Mean);
        Row(writer, section, "median", summary.Median);
        WriteRecord(writer, [section, "modes", string.Join(';', summary.Modes.Select(Number))]);
        Row(writer, section, "sd", summary.StandardDeviation);
        Row(writer, section, "ci95_low", summary.ConfidenceLow);
        Row(writer, section, "ci95_high", summary.ConfidenceHigh);
    }

    private static void Row(TextWriter writer, string section, string measure, double value) =>
        WriteRecord(writer, [section, measure, Number(value)]);

    private static void Row(TextWriter writer, string section, string measure, int value) =>
        WriteRecord(writer, [section, measure, value.ToString(CultureInfo.InvariantCulture)]);

    // Every field passed here is already in its written form; quoting is the last step.
    private static void WriteRecord(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write("\r\n");
    }

    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Number(double value) => value switch
    {
        double.NaN => "",
        double.PositiveInfinity => "Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Boolean(bool value) => value ? "true" : "false";

    private static string Time(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? "";

    // Sorted by field name so that the same edits always give the same text, whatever order the dictionary keeps.
    private static string FieldEdits(IReadOnlyDictionary<string, int> edits) =>
        string.Join(
            ';',
            edits.OrderBy(edit => edit.Key, StringComparer.Ordinal)
                .Select(edit => edit.Key + "=" + edit.Value.ToString(CultureInfo.InvariantCulture)));

    private static string SusField(IReadOnlyList<int>? answers)
    {
        if (answers is null)
        {
            return "";
        }

        return SystemUsabilityScale.TryScore(answers, out _) is { } score ? Number(score) : "";
    }
}
