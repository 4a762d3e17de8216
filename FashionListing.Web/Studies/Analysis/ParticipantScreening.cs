using System.Globalization;

namespace FashionListing.Web.Studies.Analysis;

/// <summary>What the exclusion rule makes of one participant, shared by the analysis and the CSV export.</summary>
/// <param name="Record">The participant as recorded.</param>
/// <param name="Started">Whether the participant started any task; rules apply only to those who did.</param>
/// <param name="Completed">Both tasks completed and the preference question answered.</param>
/// <param name="Reasons">Why the participant is left out, in plain words; empty when included.</param>
/// <param name="SecondsA">Seconds taken on A, when the task was completed with both times recorded.</param>
/// <param name="SecondsB">Seconds taken on B, likewise.</param>
internal sealed record ScreenedParticipant(
    ParticipantRecord Record,
    bool Started,
    bool Completed,
    IReadOnlyList<string> Reasons,
    double? SecondsA,
    double? SecondsB)
{
    /// <summary>Started and not left out.</summary>
    public bool Included => Started && Reasons.Count == 0;

    /// <summary>The reasons joined into the one sentence an <see cref="Exclusion"/> carries.</summary>
    public string Reason => string.Join("; also ", Reasons);
}

/// <summary>Applies an <see cref="ExclusionRule"/> to participants.</summary>
internal static class ParticipantScreening
{
    /// <summary>Throws when the rule itself makes no sense, before any participant is judged by it.</summary>
    public static void CheckRule(ExclusionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        CheckLimit(rule.MaxSecondsFirstTask, "first", nameof(rule));
        CheckLimit(rule.MaxSecondsSecondTask, "second", nameof(rule));
    }

    /// <summary>Judges every participant; the list keeps the input order.</summary>
    public static ScreenedParticipant[] Screen(IReadOnlyList<ParticipantRecord> participants, ExclusionRule rule)
    {
        ArgumentNullException.ThrowIfNull(participants);
        CheckRule(rule);

        var screened = new ScreenedParticipant[participants.Count];
        for (int i = 0; i < participants.Count; i++)
        {
            ParticipantRecord participant = participants[i] ?? throw new ArgumentException(
                $"participants[{i}] is null; every entry must be a participant.",
                nameof(participants));
            if (participant.ParticipantCode is null || participant.Tasks is null)
            {
                throw new ArgumentException(
                    $"participants[{i}] has no code or no task list; both are required (the list may be empty).",
                    nameof(participants));
            }

            for (int task = 0; task < participant.Tasks.Count; task++)
            {
                if (participant.Tasks[task] is null)
                {
                    throw new ArgumentException(
                        $"participants[{i}].Tasks[{task}] is null; every entry must be a task.",
                        nameof(participants));
                }
            }

            screened[i] = Screen(participant, rule);
        }

        return screened;
    }

    private static ScreenedParticipant Screen(ParticipantRecord participant, ExclusionRule rule)
    {
        bool started = participant.Tasks.Any(task => task.StartedUtc is not null);
        // Completing needs starting, so that completed <= started <= invited holds even for a faulty record that
        // marks a task done without a start time.
        bool completed = started
            && participant.Preference is not null
            && IsCompleted(participant, StudyFlow.A)
            && IsCompleted(participant, StudyFlow.B);
        if (!started)
        {
            return new ScreenedParticipant(participant, false, completed, [], null, null);
        }

        var reasons = new List<string>();
        double? secondsA = TaskSeconds(participant, StudyFlow.A, rule, reasons);
        double? secondsB = TaskSeconds(participant, StudyFlow.B, rule, reasons);

        return new ScreenedParticipant(participant, true, completed, reasons, secondsA, secondsB);
    }

    private static bool IsCompleted(ParticipantRecord participant, StudyFlow flow)
    {
        TaskRecord[] tasks = [.. participant.Tasks.Where(task => task.Flow == flow)];

        return tasks.Length == 1 && tasks[0].Completed;
    }

    // The seconds of the participant's task in this flow when they can be analysed; otherwise null, with the reason
    // added to reasons when it leaves the participant out.
    private static double? TaskSeconds(
        ParticipantRecord participant,
        StudyFlow flow,
        ExclusionRule rule,
        List<string> reasons)
    {
        TaskRecord[] tasks = [.. participant.Tasks.Where(task => task.Flow == flow)];
        if (tasks.Length > 1)
        {
            reasons.Add($"has {tasks.Length} records for the {flow} task; one is expected");
            return null;
        }

        TaskRecord? task = tasks.Length == 1 ? tasks[0] : null;
        if (task is null || !task.Completed)
        {
            if (rule.ExcludeSkipped)
            {
                reasons.Add(task?.StartedUtc is null
                    ? $"skipped the {flow} task"
                    : $"started the {flow} task but did not finish it");
            }

            return null;
        }

        // A finished task without both times, or ending before it starts, is a recording fault; the participant is
        // left out whatever the rule says, because the time that the study is about is unknown.
        if (task.Seconds is not { } seconds)
        {
            reasons.Add($"finished the {flow} task but its start or end time is missing");
            return null;
        }

        if (seconds < 0.0)
        {
            reasons.Add($"the {flow} task ends {Seconds(-seconds)} s before it starts");
            return null;
        }

        (string? position, double? limit) = task.Position switch
        {
            1 => ("first", rule.MaxSecondsFirstTask),
            2 => ("second", rule.MaxSecondsSecondTask),
            _ => (null, null),
        };
        if (position is null)
        {
            reasons.Add($"the {flow} task has position {task.Position}; only 1 (first) and 2 (second) exist");
            return null;
        }

        if (limit is { } max && seconds > max)
        {
            reasons.Add($"took {SecondsOver(seconds, max)} s on the {position} task; the limit is {Seconds(max)} s");
            return null;
        }

        return seconds;
    }

    private static void CheckLimit(double? limit, string position, string parameterName)
    {
        if (limit is { } value && !(value > 0.0 && double.IsFinite(value)))
        {
            throw new ArgumentException(
                $"The limit for the {position} task is {value} s; a limit must be a positive number of seconds "
                + "or no limit at all.",
                parameterName);
        }
    }

    private static string Seconds(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    // One decimal ("700.0"), or as many more as it takes for the shown time to be visibly over the limit, so that a
    // reader never sees "took 685.8 s; the limit is 685.84 s".
    private static string SecondsOver(double seconds, double limit)
    {
        for (int decimals = 1; decimals < 10; decimals++)
        {
            string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
            string shown = seconds.ToString(format, CultureInfo.InvariantCulture);
            if (double.Parse(shown, CultureInfo.InvariantCulture) > limit)
            {
                return shown;
            }
        }

        return seconds.ToString("R", CultureInfo.InvariantCulture);
    }
}
