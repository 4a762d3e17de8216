// Scaffolding until the analysis branch is merged: the contract's data types, so that the study app compiles
// against the names it will call. Deleted at the merge, where FashionListing.Web/Studies/Analysis brings them.
namespace FashionListing.Web.Studies.Analysis;

public enum StudyFlow
{
    A,
    B,
}

public enum TaskOrder
{
    AThenB,
    BThenA,
}

public sealed record TaskRecord(
    StudyFlow Flow,
    int Position,
    DateTime? StartedUtc,
    DateTime? EndedUtc,
    bool Completed,
    IReadOnlyDictionary<string, int> FieldEdits,
    IReadOnlyList<string> KeptSuggestions);

public sealed record ParticipantRecord(
    string ParticipantCode,
    TaskOrder Order,
    IReadOnlyList<TaskRecord> Tasks,
    int? Preference,
    IReadOnlyList<int>? SusA,
    IReadOnlyList<int>? SusB);

public sealed record ExclusionRule(double? MaxSecondsFirstTask, double? MaxSecondsSecondTask, bool ExcludeSkipped);
