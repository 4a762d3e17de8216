using FashionListing.Web.Studies.Analysis;
using static FashionListing.Tests.Web.Studies.Analysis.StudyRecords;

namespace FashionListing.Tests.Web.Studies.Analysis;

public sealed class StudyAnalysisTests
{
    private static readonly ExclusionRule s_secondTaskLimit = new(null, 685.84, ExcludeSkipped: true);

    [Fact]
    public void Analyse_690SecondsOnTheFirstTask_IsNotExcludedByASecondTaskLimit()
    {
        ParticipantRecord slowFirst = Participant("P01", 0, TaskOrder.AThenB, 690.0, 80.0);
        ParticipantRecord slowSecond = Participant("P02", 1, TaskOrder.AThenB, 90.0, 700.0);

        StudyResults results = StudyAnalysis.Analyse([slowFirst, slowSecond], invited: 2, s_secondTaskLimit);

        Assert.Equal(1, results.Included);
        Assert.Equal(
            [new Exclusion("P02", "took 700.0 s on the second task; the limit is 685.84 s")],
            results.Excluded);
        Assert.Equal(690.0, Assert.IsType<Summary>(results.FlowA).Mean, 1e-9);
    }

    [Fact]
    public void Analyse_FirstTaskLimit_ExcludesWithTheFirstTaskInTheReason()
    {
        var rule = new ExclusionRule(600, null, ExcludeSkipped: true);
        ParticipantRecord participant = Participant("P01", 0, TaskOrder.BThenA, 300.0, 690.0);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, rule);

        Assert.Equal([new Exclusion("P01", "took 690.0 s on the first task; the limit is 600 s")], results.Excluded);
    }

    [Fact]
    public void Analyse_JustOverTheLimit_ShowsEnoughDecimalsToSeeIt()
    {
        // 685.849 s shown with one decimal would read 685.8, under the limit of 685.84.
        ParticipantRecord participant = Participant("P01", 0, TaskOrder.AThenB, 100.0, 685.849);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Assert.Equal("took 685.85 s on the second task; the limit is 685.84 s", Assert.Single(results.Excluded).Reason);
    }

    [Fact]
    public void Analyse_ExactlyAtTheLimit_IsIncluded()
    {
        ParticipantRecord participant = Participant("P01", 0, TaskOrder.AThenB, 100.0, 685.84);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Assert.Empty(results.Excluded);
        Assert.Equal(1, results.Included);
    }

    [Fact]
    public void Analyse_SkippedTaskWithoutTheSkipRule_KeepsTheOtherTimeOutOfThePairs()
    {
        var rule = new ExclusionRule(null, null, ExcludeSkipped: false);
        ParticipantRecord[] participants =
        [
            Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0),
            Participant("P02", 1, TaskOrder.AThenB, 120.0, 70.0),
            Participant("P03", 2, TaskOrder.AThenB, 300.0, null),
        ];

        StudyResults results = StudyAnalysis.Analyse(participants, invited: 3, rule);

        Assert.Equal(3, results.Included);
        Assert.Equal(2, results.Completed);
        Assert.Equal(3, Assert.IsType<Summary>(results.FlowA).Count);
        Assert.Equal(2, Assert.IsType<Summary>(results.FlowB).Count);
        Assert.Equal(2, Assert.IsType<PairedTTestResult>(results.PairedT).Count);
    }

    [Fact]
    public void Analyse_AbandonedTask_SaysItWasStartedButNotFinished()
    {
        ParticipantRecord participant = new(
            "P01",
            TaskOrder.AThenB,
            [
                Done(StudyFlow.A, 1, StudyStart, 100.0),
                new TaskRecord(StudyFlow.B, 2, StudyStart.AddMinutes(3), null, false, NoEdits, []),
            ],
            null,
            null,
            null);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Assert.Equal("started the B task but did not finish it", Assert.Single(results.Excluded).Reason);
    }

    [Fact]
    public void Analyse_NeverStarted_IsNeitherStartedNorExcluded()
    {
        ParticipantRecord[] participants =
        [
            new("P01", TaskOrder.AThenB, [Skipped(StudyFlow.A, 1), Skipped(StudyFlow.B, 2)], null, null, null),
            new("P02", TaskOrder.BThenA, [], null, null, null),
        ];

        StudyResults results = StudyAnalysis.Analyse(participants, invited: 5, s_secondTaskLimit);

        Assert.Equal(0, results.Started);
        Assert.Empty(results.Excluded);
        Assert.Equal(0, results.Included);
    }

    [Fact]
    public void Analyse_TasksMarkedDoneWithoutStartTimes_CountAsNeitherStartedNorCompleted()
    {
        TaskRecord[] tasks =
        [
            new(StudyFlow.A, 1, null, StudyStart, true, NoEdits, []),
            new(StudyFlow.B, 2, null, StudyStart, true, NoEdits, []),
        ];
        ParticipantRecord participant = new("P01", TaskOrder.AThenB, tasks, 4, null, null);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Assert.Equal((0, 0), (results.Started, results.Completed));
    }

    [Fact]
    public void Analyse_NoParticipants_ReturnsEmptyResults()
    {
        StudyResults results = StudyAnalysis.Analyse([], invited: 10, s_secondTaskLimit);

        Assert.Equal((10, 0, 0, 0.0, 0), (results.Invited, results.Started, results.Completed, results.CompletionRate,
            results.Included));
        Assert.Empty(results.Excluded);
        Assert.Null(results.FlowA);
        Assert.Null(results.FlowB);
        Assert.Null(results.PairedT);
        Assert.Null(results.Wilcoxon);
        Assert.Equal([0, 0, 0, 0, 0], results.PreferenceCounts);
        Assert.Null(results.Preference);
        Assert.Null(results.SusScoresA);
        Assert.Null(results.SusScoresB);
        Assert.Null(results.Order);
    }

    [Fact]
    public void Analyse_NobodyInvited_HasNoCompletionRate()
    {
        StudyResults results = StudyAnalysis.Analyse([], invited: 0, s_secondTaskLimit);

        Assert.True(double.IsNaN(results.CompletionRate));
    }

    [Fact]
    public void Analyse_FewerInvitedThanStarted_Throws()
    {
        ParticipantRecord[] participants =
        [
            Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0),
            Participant("P02", 1, TaskOrder.AThenB, 120.0, 70.0),
        ];

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => StudyAnalysis.Analyse(participants, invited: 1, s_secondTaskLimit));

        Assert.Contains("1 people were invited but 2 participants started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_OneParticipant_HasSummariesWithoutSpreadAndNoTests()
    {
        ParticipantRecord participant = Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0, 5, Neutral, Best);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Summary a = Assert.IsType<Summary>(results.FlowA);
        Assert.Equal(1, a.Count);
        Assert.Equal(100.0, a.Mean);
        Assert.True(double.IsNaN(a.StandardDeviation));
        Assert.Null(results.PairedT);
        Assert.Null(results.Wilcoxon);
        Assert.Null(results.Order);
        Assert.Equal([0, 0, 0, 0, 1], results.PreferenceCounts);
        Assert.Equal(50.0, Assert.IsType<Summary>(results.SusScoresA).Mean);
        Assert.Equal(100.0, Assert.IsType<Summary>(results.SusScoresB).Mean);
    }

    [Fact]
    public void Analyse_SameTimeForAAndB_GivesNoTStatisticAndWilcoxonPOne()
    {
        ParticipantRecord[] participants =
        [
            Participant("P01", 0, TaskOrder.AThenB, 100.0, 100.0),
            Participant("P02", 1, TaskOrder.BThenA, 80.0, 80.0),
            Participant("P03", 2, TaskOrder.AThenB, 95.5, 95.5),
        ];

        StudyResults results = StudyAnalysis.Analyse(participants, invited: 3, s_secondTaskLimit);

        PairedTTestResult t = Assert.IsType<PairedTTestResult>(results.PairedT);
        WilcoxonResult w = Assert.IsType<WilcoxonResult>(results.Wilcoxon);
        Assert.Equal(0.0, t.MeanDifference);
        Assert.True(double.IsNaN(t.T));
        Assert.Equal(0, w.Count);
        Assert.Equal(1.0, w.PValue);
    }

    [Fact]
    public void Analyse_MalformedQuestionnaireAndPreference_AreLeftOutWithWarnings()
    {
        ParticipantRecord[] participants =
        [
            Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0, 7, [3, 3, 3, 3, 3, 3, 3, 3, 3], Good),
            Participant("P02", 1, TaskOrder.AThenB, 120.0, 70.0, 4, Neutral, Good),
        ];

        StudyResults results = StudyAnalysis.Analyse(participants, invited: 2, s_secondTaskLimit);

        Assert.Equal(
            [
                "The preference of participant P01 is 7, outside 1..5, so it was left out.",
                "The usability questionnaire about A of participant P01 was left out: the questionnaire has 9 answers; "
                    + "it needs exactly 10.",
            ],
            results.Warnings);
        Assert.Equal([0, 0, 0, 1, 0], results.PreferenceCounts);
        Assert.Equal(1, Assert.IsType<Summary>(results.SusScoresA).Count);
        Assert.Equal(2, Assert.IsType<Summary>(results.SusScoresB).Count);
        Assert.Equal(2, results.Included);
    }

    [Fact]
    public void Analyse_FinishedTaskWithoutEndTime_IsExcludedAsARecordingFault()
    {
        ParticipantRecord participant = new(
            "P01",
            TaskOrder.AThenB,
            [
                Done(StudyFlow.A, 1, StudyStart, 100.0),
                new TaskRecord(StudyFlow.B, 2, StudyStart, null, true, NoEdits, []),
            ],
            4,
            null,
            null);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, new ExclusionRule(null, null, false));

        Assert.Equal(
            "finished the B task but its start or end time is missing",
            Assert.Single(results.Excluded).Reason);
    }

    [Fact]
    public void Analyse_TaskEndingBeforeItStarts_IsExcluded()
    {
        ParticipantRecord participant = new(
            "P01",
            TaskOrder.AThenB,
            [Done(StudyFlow.A, 1, StudyStart, -12.5), Done(StudyFlow.B, 2, StudyStart, 60.0)],
            4,
            null,
            null);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Assert.Equal("the A task ends 12.5 s before it starts", Assert.Single(results.Excluded).Reason);
    }

    [Fact]
    public void Analyse_TwoRecordsForOneTask_IsExcluded()
    {
        ParticipantRecord participant = new(
            "P01",
            TaskOrder.AThenB,
            [Done(StudyFlow.A, 1, StudyStart, 90.0), Done(StudyFlow.A, 2, StudyStart, 60.0)],
            4,
            null,
            null);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Assert.Equal(
            "has 2 records for the A task; one is expected; also skipped the B task",
            Assert.Single(results.Excluded).Reason);
    }

    [Fact]
    public void Analyse_OverBothLimits_GivesBothReasons()
    {
        var rule = new ExclusionRule(600, 685.84, ExcludeSkipped: true);
        ParticipantRecord participant = Participant("P01", 0, TaskOrder.BThenA, 700.0, 650.0);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, rule);

        Assert.Equal(
            "took 700.0 s on the second task; the limit is 685.84 s; also took 650.0 s on the first task; the limit is "
                + "600 s",
            Assert.Single(results.Excluded).Reason);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Analyse_LimitThatIsNotAPositiveNumber_Throws(double limit)
    {
        var rule = new ExclusionRule(limit, null, ExcludeSkipped: true);

        var error = Assert.Throws<ArgumentException>(() => StudyAnalysis.Analyse([], invited: 0, rule));

        Assert.Contains("The limit for the first task is", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_OneParticipantInAnOrderGroup_HasNoOrderEffect()
    {
        ParticipantRecord[] participants =
        [
            Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0),
            Participant("P02", 1, TaskOrder.AThenB, 120.0, 70.0),
            Participant("P03", 2, TaskOrder.BThenA, 110.0, 65.0),
        ];

        StudyResults results = StudyAnalysis.Analyse(participants, invited: 3, s_secondTaskLimit);

        Assert.Null(results.Order);
        Assert.NotNull(results.PairedT);
    }

    [Fact]
    public void Analyse_TwoPerOrderGroup_ComparesTheOrdersByHand()
    {
        // A first: B - A = -40 and -50 (mean -45, variance 50); B first: -45 and -35 (mean -40, variance 50).
        // Welch: difference -45 - (-40) = -5, shares 50 / 2 = 25 each, t = -5 / sqrt(50) = -0.7071067811865476,
        // df = 50^2 / (25^2 / 1 + 25^2 / 1) = 2. With 2 degrees of freedom P(|T| > t) = 1 - t / sqrt(2 + t^2),
        // so p = 1 - sqrt(0.5 / 2.5) = 1 - sqrt(0.2).
        ParticipantRecord[] participants =
        [
            Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0),
            Participant("P02", 1, TaskOrder.AThenB, 120.0, 70.0),
            Participant("P03", 2, TaskOrder.BThenA, 110.0, 65.0),
            Participant("P04", 3, TaskOrder.BThenA, 100.0, 65.0),
        ];

        StudyResults results = StudyAnalysis.Analyse(participants, invited: 4, s_secondTaskLimit);

        OrderEffect order = Assert.IsType<OrderEffect>(results.Order);
        Assert.Equal(-45.0, order.AFirstDifferences.Mean, 1e-12);
        Assert.Equal(-40.0, order.BFirstDifferences.Mean, 1e-12);
        Assert.Equal(-5.0, order.Test.MeanDifference, 1e-12);
        Assert.Equal(-5.0 / Math.Sqrt(50.0), order.Test.T, 1e-12);
        Assert.Equal(2.0, order.Test.DegreesOfFreedom, 1e-12);
        Assert.Equal(1.0 - Math.Sqrt(0.2), order.Test.PValue, 1e-12);
    }

    [Fact]
    public void Analyse_SameCodeTwice_WarnsAndAnalysesBoth()
    {
        ParticipantRecord[] participants =
        [
            Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0),
            Participant("P01", 1, TaskOrder.AThenB, 120.0, 70.0),
        ];

        StudyResults results = StudyAnalysis.Analyse(participants, invited: 2, s_secondTaskLimit);

        Assert.Equal(2, results.Included);
        Assert.Equal(
            ["The participant code P01 appears 2 times; each record was analysed as a different participant."],
            results.Warnings);
    }

    [Fact]
    public void Analyse_TasksMadeAgainstTheAssignedOrder_Warns()
    {
        // Assigned A then B, but the B task carries position 1.
        ParticipantRecord participant = new(
            "P05",
            TaskOrder.AThenB,
            [Done(StudyFlow.B, 1, StudyStart, 60.0), Done(StudyFlow.A, 2, StudyStart.AddMinutes(2), 100.0)],
            4,
            null,
            null);

        StudyResults results = StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit);

        Assert.Equal(
            [
                "Participant P05 was assigned A then B but made B first; the order comparison counts them under the "
                    + "assigned order.",
            ],
            results.Warnings);
    }

    [Fact]
    public void Analyse_NegativeInvited_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyAnalysis.Analyse([], invited: -1, s_secondTaskLimit));
    }

    [Fact]
    public void Analyse_NullTask_ThrowsNamingThePosition()
    {
        TaskRecord[] tasks = [Done(StudyFlow.A, 1, StudyStart, 9), null!];
        ParticipantRecord participant = new("P01", TaskOrder.AThenB, tasks, 4, null, null);

        var error = Assert.Throws<ArgumentException>(
            () => StudyAnalysis.Analyse([participant], invited: 1, s_secondTaskLimit));

        Assert.Contains("participants[0].Tasks[1] is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_NullParticipant_ThrowsNamingThePosition()
    {
        ParticipantRecord[] participants = [Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0), null!];

        var error = Assert.Throws<ArgumentException>(
            () => StudyAnalysis.Analyse(participants, invited: 2, s_secondTaskLimit));

        Assert.Contains("participants[1] is null", error.Message, StringComparison.Ordinal);
    }
}
