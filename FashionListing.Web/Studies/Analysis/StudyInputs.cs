namespace FashionListing.Web.Studies.Analysis;

/// <summary>The two ways of making a listing that a study compares.</summary>
public enum StudyFlow
{
    /// <summary>The seller fills in every field by hand.</summary>
    A,

    /// <summary>The model suggests the fields from the photo and the seller corrects them.</summary>
    B,
}

/// <summary>Which listing a participant made first.</summary>
public enum TaskOrder
{
    /// <summary>Manual listing first, automated listing second.</summary>
    AThenB,

    /// <summary>Automated listing first, manual listing second.</summary>
    BThenA,
}

/// <summary>
/// One task of one participant. Its duration in seconds is <see cref="EndedUtc"/> minus <see cref="StartedUtc"/>
/// when both exist.
/// </summary>
/// <param name="Flow">Which listing the task was.</param>
/// <param name="Position">1 for the participant's first task, 2 for the second.</param>
/// <param name="StartedUtc">When the participant opened the task; null when it was never opened.</param>
/// <param name="EndedUtc">When the participant finished or left the task.</param>
/// <param name="Completed">False when the task was skipped or abandoned.</param>
/// <param name="FieldEdits">Field name to the number of times the participant changed it.</param>
/// <param name="KeptSuggestions">Suggestions kept unchanged, such as "Title", "Category" or "Colour:navy".</param>
public sealed record TaskRecord(
    StudyFlow Flow,
    int Position,
    DateTime? StartedUtc,
    DateTime? EndedUtc,
    bool Completed,
    IReadOnlyDictionary<string, int> FieldEdits,
    IReadOnlyList<string> KeptSuggestions)
{
    /// <summary>The duration in seconds, or null when the start or the end is missing.</summary>
    public double? Seconds => StartedUtc is { } started && EndedUtc is { } ended
        ? (ended - started).TotalSeconds
        : null;
}

/// <summary>Everything one participant did and answered in a study.</summary>
/// <param name="ParticipantCode">The pseudonymous code the participant was given; never a name.</param>
/// <param name="Order">Which listing the participant was asked to make first.</param>
/// <param name="Tasks">The participant's tasks, normally one per flow.</param>
/// <param name="Preference">1 = strongly prefers A ... 5 = strongly prefers B; null when not answered.</param>
/// <param name="SusA">Ten System Usability Scale answers (1..5) about A; null when not asked or not given.</param>
/// <param name="SusB">Ten System Usability Scale answers (1..5) about B; null when not asked or not given.</param>
public sealed record ParticipantRecord(
    string ParticipantCode,
    TaskOrder Order,
    IReadOnlyList<TaskRecord> Tasks,
    int? Preference,
    IReadOnlyList<int>? SusA,
    IReadOnlyList<int>? SusB);

/// <summary>
/// Which participants are left out of the analysis, declared before the study starts so that the choice cannot
/// follow the results. A participant is left out when a task took strictly longer than the limit for its position.
/// </summary>
/// <param name="MaxSecondsFirstTask">The limit for the first task in seconds; null for no limit.</param>
/// <param name="MaxSecondsSecondTask">The limit for the second task in seconds; null for no limit.</param>
/// <param name="ExcludeSkipped">Whether a participant who skipped or abandoned a task is left out.</param>
public sealed record ExclusionRule(double? MaxSecondsFirstTask, double? MaxSecondsSecondTask, bool ExcludeSkipped);
