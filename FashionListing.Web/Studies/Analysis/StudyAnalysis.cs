namespace FashionListing.Web.Studies.Analysis;

/// <summary>Turns the records of an A/B study of the two listing flows into the numbers its report needs.</summary>
public static class StudyAnalysis
{
    /// <summary>
    /// Analyses a study. Started counts participants with any task started; completed those with both tasks
    /// completed and the preference question answered. The rule leaves out participants who started; those who never
    /// started are simply not analysed. Times, preferences and questionnaires are those of the included participants,
    /// and the modes of times are taken after rounding to whole seconds.
    /// </summary>
    /// <param name="participants">Everyone with a record, whether or not they started.</param>
    /// <param name="invited">How many people were invited; at least the number who started.</param>
    /// <param name="rule">The exclusion rule declared before the study.</param>
    /// <exception cref="ArgumentException">
    /// A participant or its code or task list is null, a limit of the rule is not a positive number, or fewer were
    /// invited than started.
    /// </exception>
    public static StudyResults Analyse(IReadOnlyList<ParticipantRecord> participants, int invited, ExclusionRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(invited);
        ScreenedParticipant[] screened = ParticipantScreening.Screen(participants, rule);
        int started = screened.Count(participant => participant.Started);
        if (invited < started)
        {
            throw new ArgumentOutOfRangeException(
                nameof(invited),
                invited,
                $"{invited} people were invited but {started} participants started; nobody starts uninvited.");
        }

        int completed = screened.Count(participant => participant.Completed);
        double completionRate = invited == 0 ? double.NaN : completed / (double)invited;
        Exclusion[] excluded =
        [
            .. screened
                .Where(participant => participant.Started && !participant.Included)
                .Select(participant => new Exclusion(participant.Record.ParticipantCode, participant.Reason)),
        ];
        ScreenedParticipant[] included = [.. screened.Where(participant => participant.Included)];

        var warnings = new List<string>();
        DuplicateCodes(screened, warnings);
        OrderMismatches(included, warnings);

        double[] secondsA = [.. included.Where(p => p.SecondsA is not null).Select(p => p.SecondsA!.Value)];
        double[] secondsB = [.. included.Where(p => p.SecondsB is not null).Select(p => p.SecondsB!.Value)];
        ScreenedParticipant[] paired = [.. included.Where(p => p.SecondsA is not null && p.SecondsB is not null)];
        double[] pairedA = [.. paired.Select(p => p.SecondsA!.Value)];
        double[] pairedB = [.. paired.Select(p => p.SecondsB!.Value)];

        (int[] preferenceCounts, double[] preferences) = Preferences(included, warnings);
        double[] susA = SusScores(included, StudyFlow.A, warnings);
        double[] susB = SusScores(included, StudyFlow.B, warnings);

        return new StudyResults(
            invited,
            started,
            completed,
            completionRate,
            excluded,
            included.Length,
            SummariseSeconds(secondsA),
            SummariseSeconds(secondsB),
            paired.Length >= 2 ? PairedTTest.Run(pairedA, pairedB) : null,
            paired.Length >= 2 ? WilcoxonSignedRankTest.Run(pairedA, pairedB) : null,
            preferenceCounts,
            preferences.Length == 0 ? null : DescriptiveStatistics.Summarise(preferences),
            susA.Length == 0 ? null : DescriptiveStatistics.Summarise(susA),
            susB.Length == 0 ? null : DescriptiveStatistics.Summarise(susB),
            OrderEffect(paired))
        {
            Warnings = warnings,
        };
    }

    private static void DuplicateCodes(ScreenedParticipant[] screened, List<string> warnings)
    {
        IEnumerable<IGrouping<string, ScreenedParticipant>> duplicates = screened
            .GroupBy(participant => participant.Record.ParticipantCode, StringComparer.Ordinal)
            .Where(group => group.Count() > 1);
        foreach (IGrouping<string, ScreenedParticipant> group in duplicates)
        {
            warnings.Add($"The participant code {group.Key} appears {group.Count()} times; each record was analysed "
                + "as a different participant.");
        }
    }

    // The order effect groups participants by the order they were assigned; a participant who made the listings the
    // other way round is still counted under the assigned order, so the researcher is told.
    private static void OrderMismatches(ScreenedParticipant[] included, List<string> warnings)
    {
        foreach (ScreenedParticipant participant in included)
        {
            ParticipantRecord record = participant.Record;
            StudyFlow expectedFirst = record.Order == TaskOrder.AThenB ? StudyFlow.A : StudyFlow.B;
            TaskRecord? first = record.Tasks.FirstOrDefault(task => task.Position == 1 && task.StartedUtc is not null);
            if (first is not null && first.Flow != expectedFirst)
            {
                warnings.Add($"Participant {record.ParticipantCode} was assigned {Describe(record.Order)} but made "
                    + $"{first.Flow} first; the order comparison counts them under the assigned order.");
            }
        }
    }

    private static string Describe(TaskOrder order) => order == TaskOrder.AThenB ? "A then B" : "B then A";

    private static Summary? SummariseSeconds(double[] seconds) =>
        seconds.Length == 0 ? null : DescriptiveStatistics.Summarise(seconds, modeDecimals: 0);

    private static (int[] Counts, double[] Answers) Preferences(ScreenedParticipant[] included, List<string> warnings)
    {
        var counts = new int[5];
        var answers = new List<double>();
        foreach (ScreenedParticipant participant in included)
        {
            if (participant.Record.Preference is not { } preference)
            {
                continue;
            }

            if (preference is < 1 or > 5)
            {
                warnings.Add($"The preference of participant {participant.Record.ParticipantCode} is {preference}, "
                    + "outside 1..5, so it was left out.");
                continue;
            }

            counts[preference - 1]++;
            answers.Add(preference);
        }

        return (counts, [.. answers]);
    }

    private static double[] SusScores(ScreenedParticipant[] included, StudyFlow flow, List<string> warnings)
    {
        var scores = new List<double>();
        foreach (ScreenedParticipant participant in included)
        {
            IReadOnlyList<int>? answers = flow == StudyFlow.A ? participant.Record.SusA : participant.Record.SusB;
            if (answers is null)
            {
                continue;
            }

            if (SystemUsabilityScale.TryScore(answers, out string? problem) is { } score)
            {
                scores.Add(score);
            }
            else
            {
                warnings.Add($"The usability questionnaire about {flow} of participant "
                    + $"{participant.Record.ParticipantCode} was left out: {problem}.");
            }
        }

        return [.. scores];
    }

    // B - A seconds of those who made A first against those who made B first.
    private static OrderEffect? OrderEffect(ScreenedParticipant[] paired)
    {
        double[] aFirst = Differences(paired, TaskOrder.AThenB);
        double[] bFirst = Differences(paired, TaskOrder.BThenA);
        if (aFirst.Length < 2 || bFirst.Length < 2)
        {
            return null;
        }

        return new OrderEffect(
            DescriptiveStatistics.Summarise(aFirst, modeDecimals: 0),
            DescriptiveStatistics.Summarise(bFirst, modeDecimals: 0),
            WelchTTest.Run(aFirst, bFirst));
    }

    private static double[] Differences(ScreenedParticipant[] paired, TaskOrder order) =>
    [
        .. paired
            .Where(participant => participant.Record.Order == order)
            .Select(participant => participant.SecondsB!.Value - participant.SecondsA!.Value),
    ];
}
