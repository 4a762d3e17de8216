namespace FashionListing.Web.Studies.Analysis;

/// <summary>A participant who started but was left out of the analysis, and why.</summary>
/// <param name="ParticipantCode">The participant's code.</param>
/// <param name="Reason">
/// The reason in plain words with the value and the limit, e.g. "took 700.0 s on the second task; the limit is
/// 685.84 s". Several reasons are joined with "; also ".
/// </param>
public sealed record Exclusion(string ParticipantCode, string Reason);

/// <summary>Everything the analysis of one study found.</summary>
/// <param name="Invited">How many people were invited.</param>
/// <param name="Started">Participants who started at least one task.</param>
/// <param name="Completed">
/// Participants who completed both tasks and answered the preference question, whether or not they were then left
/// out.
/// </param>
/// <param name="CompletionRate">Completed divided by invited; NaN when nobody was invited.</param>
/// <param name="Excluded">The participants who started but were left out, in input order.</param>
/// <param name="Included">Participants who started and were not left out.</param>
/// <param name="FlowA">Seconds taken on A by the included participants; null when there are none.</param>
/// <param name="FlowB">Seconds taken on B by the included participants; null when there are none.</param>
/// <param name="PairedT">Paired t-test of B - A seconds; null when fewer than two participants have both.</param>
/// <param name="Wilcoxon">Signed-rank test of B - A seconds; null when fewer than two participants have both.</param>
/// <param name="PreferenceCounts">Five counts: how many included participants answered 1, 2, 3, 4 and 5.</param>
/// <param name="Preference">The included participants' preference answers; null when nobody answered.</param>
/// <param name="SusScoresA">System Usability Scale scores (0..100) for A; null when none was collected.</param>
/// <param name="SusScoresB">System Usability Scale scores (0..100) for B; null when none was collected.</param>
/// <param name="Order">The order effect; null when either order group has fewer than two pairs.</param>
public sealed record StudyResults(
    int Invited,
    int Started,
    int Completed,
    double CompletionRate,
    IReadOnlyList<Exclusion> Excluded,
    int Included,
    Summary? FlowA,
    Summary? FlowB,
    PairedTTestResult? PairedT,
    WilcoxonResult? Wilcoxon,
    IReadOnlyList<int> PreferenceCounts,
    Summary? Preference,
    Summary? SusScoresA,
    Summary? SusScoresB,
    OrderEffect? Order)
{
    /// <summary>
    /// Data of included participants that the analysis had to leave aside, in plain words, e.g. a preference
    /// answer out of 1..5 or a questionnaire with nine answers instead of ten. Empty when all data was usable.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
