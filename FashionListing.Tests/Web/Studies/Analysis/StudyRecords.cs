using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

/// <summary>Builds participants for the analysis tests, with times stored as whole ticks like real DateTimes.</summary>
internal static class StudyRecords
{
    public static readonly DateTime StudyStart = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    public static readonly IReadOnlyDictionary<string, int> NoEdits = new Dictionary<string, int>();

    /// <summary>Ten answers of 3: SUS 50.</summary>
    public static readonly int[] Neutral = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3];

    /// <summary>Odd items 4, even items 2: SUS 75.</summary>
    public static readonly int[] Good = [4, 2, 4, 2, 4, 2, 4, 2, 4, 2];

    /// <summary>Odd items 5, even items 1: SUS 100.</summary>
    public static readonly int[] Best = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1];

    /// <summary>
    /// A participant who made both listings in <paramref name="order"/>, starting <paramref name="index"/> quarter
    /// hours after the study start with 30 s between the tasks; a null time means that task was skipped (never
    /// opened).
    /// </summary>
    public static ParticipantRecord Participant(
        string code,
        int index,
        TaskOrder order,
        double? secondsA,
        double? secondsB,
        int? preference = 4,
        IReadOnlyList<int>? susA = null,
        IReadOnlyList<int>? susB = null)
    {
        DateTime start = StudyStart.AddMinutes(15 * index);
        (StudyFlow flow, double? seconds)[] sequence = order == TaskOrder.AThenB
            ? [(StudyFlow.A, secondsA), (StudyFlow.B, secondsB)]
            : [(StudyFlow.B, secondsB), (StudyFlow.A, secondsA)];

        var tasks = new List<TaskRecord>();
        for (int position = 1; position <= 2; position++)
        {
            (StudyFlow flow, double? seconds) = sequence[position - 1];
            if (seconds is { } value)
            {
                TaskRecord task = Done(flow, position, start, value);
                tasks.Add(task);
                start = task.EndedUtc!.Value.AddSeconds(30);
            }
            else
            {
                tasks.Add(Skipped(flow, position));
            }
        }

        return new ParticipantRecord(code, order, tasks, preference, susA, susB);
    }

    public static TaskRecord Done(StudyFlow flow, int position, DateTime started, double seconds) =>
        new(flow, position, started, started + Ticks(seconds), true, NoEdits, []);

    public static TaskRecord Skipped(StudyFlow flow, int position) =>
        new(flow, position, null, null, false, NoEdits, []);

    public static TimeSpan Ticks(double seconds) =>
        TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
