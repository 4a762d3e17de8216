using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

/// <summary>
/// A data set shaped like the study that started the product: 52 invited, 25 included with A taking 109 s on
/// average (SD 33.54) and B 64 s (SD 19.96), one participant who skipped B, one who took 700 s on the second task
/// against a limit of 685.84 s, and two who never started. Expected values are worked out by hand where the
/// construction allows it and otherwise come from Reference/reference_values.py, which rebuilds the same data
/// (down to the tick) and computes every number with mpmath at 50 digits.
/// </summary>
public sealed class StudyAnalysisFirstStudyTests
{
    // The limits as declared for that study: only the second task had one.
    private static readonly ExclusionRule s_rule = new(null, 685.84, ExcludeSkipped: true);

    // qt(0.975, 24), Reference/reference_values.py; R prints 2.063899.
    private const double T975With24 = 2.0638985616280254;

    // Ticks limit what "exactly" can mean: each time is rounded to 100 ns, which moves means and SDs by < 1e-7 s.
    private const double TickTolerance = 1e-7;

    private readonly StudyResults _results = StudyAnalysis.Analyse(BuildStudy(), invited: 52, s_rule);

    [Fact]
    public void Analyse_FirstStudy_CountsInvitedStartedAndCompleted()
    {
        // 27 started: 25 included, the skipper and the slow one. Completed needs both tasks and a preference, so the
        // slow participant counts (26) although excluded; the skipper does not. 26 / 52 = 0.5.
        Assert.Equal(52, _results.Invited);
        Assert.Equal(27, _results.Started);
        Assert.Equal(26, _results.Completed);
        Assert.Equal(0.5, _results.CompletionRate);
        Assert.Equal(25, _results.Included);
        Assert.Empty(_results.Warnings);
    }

    [Fact]
    public void Analyse_FirstStudy_ExplainsEachExclusionWithValueAndLimit()
    {
        Assert.Equal(
            [
                new Exclusion("P26", "skipped the B task"),
                new Exclusion("P27", "took 700.0 s on the second task; the limit is 685.84 s"),
            ],
            _results.Excluded);
    }

    [Fact]
    public void Analyse_FirstStudy_SummarisesTheATimes()
    {
        // A is 109 + 33.54 z for a standardised, symmetric z with z = 0 in the middle: mean and median 109,
        // SD 33.54; CI 109 +- 2.0638985616 * 33.54 / 5 = 109 +- 13.844631553. Rounded to whole seconds the 25 times
        // are 4.6 s apart, so no time repeats and there is no mode.
        Summary a = Assert.IsType<Summary>(_results.FlowA);

        Assert.Equal(25, a.Count);
        Assert.Equal(109.0, a.Mean, TickTolerance);
        Assert.Equal(109.0, a.Median, TickTolerance);
        Assert.Empty(a.Modes);
        Assert.Equal(33.54, a.StandardDeviation, TickTolerance);
        Assert.Equal(109.0 - (T975With24 * 33.54 / 5.0), a.ConfidenceLow, 1e-6);
        Assert.Equal(109.0 + (T975With24 * 33.54 / 5.0), a.ConfidenceHigh, 1e-6);
    }

    [Fact]
    public void Analyse_FirstStudy_SummarisesTheBTimes()
    {
        // Mean 64 and SD 19.96 by construction; median, whole-second modes and CI from the reference script
        // (median 61.2155967, modes 38, 55 and 61 each twice, CI 55.7609169375338 .. 72.2390830464662).
        Summary b = Assert.IsType<Summary>(_results.FlowB);

        Assert.Equal(25, b.Count);
        Assert.Equal(64.0, b.Mean, TickTolerance);
        Assert.Equal(61.2155967, b.Median, 1e-9);
        Assert.Equal([38.0, 55.0, 61.0], b.Modes);
        Assert.Equal(19.96, b.StandardDeviation, TickTolerance);
        Assert.Equal(55.7609169375338, b.ConfidenceLow, 1e-9);
        Assert.Equal(72.2390830464662, b.ConfidenceHigh, 1e-9);
    }

    [Fact]
    public void Analyse_FirstStudy_PairedTTestOfBMinusA()
    {
        // B's pattern is built orthogonal to A's, so the differences have mean 64 - 109 = -45 and
        // SD sqrt(19.96^2 + 33.54^2) = sqrt(1523.3332) = 39.0299013538; t = -45 / (39.0299013538 / 5) = -5.7648108818.
        // p (mpmath) 6.0918378921092e-6; CI -45 +- 2.0638985616 * 39.0299013538 / 5.
        PairedTTestResult t = Assert.IsType<PairedTTestResult>(_results.PairedT);

        Assert.Equal(25, t.Count);
        Assert.Equal(-45.0, t.MeanDifference, TickTolerance);
        Assert.Equal(Math.Sqrt(1523.3332), t.StandardDeviation, 1e-6);
        Assert.Equal(-5.76481088179592, t.T, 1e-8);
        Assert.Equal(24, t.DegreesOfFreedom);
        Assert.Equal(6.0918378921092e-6, t.PValue, 1e-14);
        Assert.Equal(-45.0 - (T975With24 * Math.Sqrt(1523.3332) / 5.0), t.ConfidenceLow, 1e-6);
        Assert.Equal(-45.0 + (T975With24 * Math.Sqrt(1523.3332) / 5.0), t.ConfidenceHigh, 1e-6);
    }

    [Fact]
    public void Analyse_FirstStudy_ExactWilcoxonOnTwentyFiveUntiedDifferences()
    {
        // Reference: W+ = 18, W- = 325 - 18 = 307; 253 of the 2^25 sign patterns give a sum <= 18 (generating
        // polynomial), so p = 2 * 253 / 2^25 = 253 / 2^24 = 1.50799751281738e-5.
        WilcoxonResult w = Assert.IsType<WilcoxonResult>(_results.Wilcoxon);

        Assert.Equal(25, w.Count);
        Assert.Equal(18.0, w.WPlus);
        Assert.Equal(307.0, w.WMinus);
        Assert.True(w.Exact);
        Assert.Equal(253.0 / 16_777_216.0, w.PValue, 1e-18);
    }

    [Fact]
    public void Analyse_FirstStudy_SummarisesThePreferences()
    {
        // 25 answers cannot give the study's 3.81 (95 / 25 = 3.80, 96 / 25 = 3.84); these give 3.80, the nearer:
        // one 1, two 2s, five 3s, ten 4s, seven 5s = 95. Median (13th) and mode 4. Squared deviations from 3.8:
        // 7.84 + 2 * 3.24 + 5 * 0.64 + 10 * 0.04 + 7 * 1.44 = 28, SD sqrt(28 / 24) = 1.0801234497;
        // CI 3.8 +- 2.0638985616 * 1.0801234497 / 5 = 3.8 +- 0.4458530469.
        Summary preference = Assert.IsType<Summary>(_results.Preference);

        Assert.Equal([1, 2, 5, 10, 7], _results.PreferenceCounts);
        Assert.Equal(25, preference.Count);
        Assert.Equal(3.8, preference.Mean, 1e-14);
        Assert.Equal(4.0, preference.Median);
        Assert.Equal([4.0], preference.Modes);
        Assert.Equal(Math.Sqrt(28.0 / 24.0), preference.StandardDeviation, 1e-14);
        Assert.Equal(3.35414695314239, preference.ConfidenceLow, 1e-13);
        Assert.Equal(4.24585304685761, preference.ConfidenceHigh, 1e-13);
    }

    [Fact]
    public void Analyse_FirstStudy_SummarisesTheSusScores()
    {
        // A: 20 scores of 50 and 5 of 75: mean 55, median and mode 50, squares 20 * 25 + 5 * 400 = 2500,
        // SD sqrt(2500 / 24) = 10.2062072616, CI 55 +- 2.0638985616 * 10.2062072616 / 5.
        // B: 15 of 75 and 10 of 100: mean 85, median and mode 75, squares 15 * 100 + 10 * 225 = 3750,
        // SD sqrt(156.25) = 12.5, CI 85 +- 2.0638985616 * 2.5.
        Summary a = Assert.IsType<Summary>(_results.SusScoresA);
        Summary b = Assert.IsType<Summary>(_results.SusScoresB);

        Assert.Equal((25, 55.0, 50.0), (a.Count, a.Mean, a.Median));
        Assert.Equal([50.0], a.Modes);
        Assert.Equal(Math.Sqrt(2500.0 / 24.0), a.StandardDeviation, 1e-13);
        Assert.Equal(55.0 - (T975With24 * Math.Sqrt(2500.0 / 24.0) / 5.0), a.ConfidenceLow, 1e-12);
        Assert.Equal(55.0 + (T975With24 * Math.Sqrt(2500.0 / 24.0) / 5.0), a.ConfidenceHigh, 1e-12);
        Assert.Equal((25, 85.0, 75.0), (b.Count, b.Mean, b.Median));
        Assert.Equal([75.0], b.Modes);
        Assert.Equal(12.5, b.StandardDeviation, 1e-13);
        Assert.Equal(85.0 - (T975With24 * 2.5), b.ConfidenceLow, 1e-12);
        Assert.Equal(85.0 + (T975With24 * 2.5), b.ConfidenceHigh, 1e-12);
    }

    [Fact]
    public void Analyse_FirstStudy_ComparesTheTwoOrders()
    {
        // Participants 1, 3, ..., 25 made A first (13), the others B first (12). All values from the reference
        // script; modes after rounding to whole seconds: none for A first, -71 (three times) for B first.
        OrderEffect order = Assert.IsType<OrderEffect>(_results.Order);

        Assert.Equal(13, order.AFirstDifferences.Count);
        Assert.Equal(-45.6211270153846, order.AFirstDifferences.Mean, 1e-9);
        Assert.Equal(-30.4702319, order.AFirstDifferences.Median, 1e-9);
        Assert.Empty(order.AFirstDifferences.Modes);
        Assert.Equal(42.9068528615241, order.AFirstDifferences.StandardDeviation, 1e-9);
        Assert.Equal(-71.5494787022712, order.AFirstDifferences.ConfidenceLow, 1e-9);
        Assert.Equal(-19.6927753284981, order.AFirstDifferences.ConfidenceHigh, 1e-9);

        Assert.Equal(12, order.BFirstDifferences.Count);
        Assert.Equal(-44.3271124166667, order.BFirstDifferences.Mean, 1e-9);
        Assert.Equal(-55.0204984, order.BFirstDifferences.Median, 1e-9);
        Assert.Equal([-71.0], order.BFirstDifferences.Modes);
        Assert.Equal(36.2536165047342, order.BFirstDifferences.StandardDeviation, 1e-9);
        Assert.Equal(-67.3615613998845, order.BFirstDifferences.ConfidenceLow, 1e-9);
        Assert.Equal(-21.2926634334488, order.BFirstDifferences.ConfidenceHigh, 1e-9);

        Assert.Equal(-1.29401459871795, order.Test.MeanDifference, 1e-9);
        Assert.Equal(-0.081654335624241, order.Test.T, 1e-10);
        Assert.Equal(22.837434747765, order.Test.DegreesOfFreedom, 1e-9);
        Assert.Equal(0.935633014166741, order.Test.PValue, 1e-10);
        Assert.Equal(-34.0899207264041, order.Test.ConfidenceLow, 1e-9);
        Assert.Equal(31.5018915289682, order.Test.ConfidenceHigh, 1e-9);
    }

    /// <summary>
    /// The 25 included participants, P26 who skipped B, P27 who took 700 s on the second task, P28 who opened no
    /// task and P29 with no task record at all. The excluded and the non-starters answer the questionnaire with
    /// extreme values, so counting any of them would show in the preference and SUS numbers.
    /// </summary>
    internal static List<ParticipantRecord> BuildStudy()
    {
        (double[] a, double[] b) = FirstStudyTimes();

        // Preferences 1, 2, 2, 3 x 5, 4 x 10, 5 x 7, spread over the participants by a step coprime to 25.
        int[] preferences = [1, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5];
        var participants = new List<ParticipantRecord>();
        for (int i = 0; i < 25; i++)
        {
            participants.Add(StudyRecords.Participant(
                $"P{i + 1:00}",
                i,
                i % 2 == 0 ? TaskOrder.AThenB : TaskOrder.BThenA,
                a[i],
                b[i],
                preferences[(7 * i) % 25],
                i < 20 ? StudyRecords.Neutral : StudyRecords.Good,
                i < 15 ? StudyRecords.Good : StudyRecords.Best));
        }

        int[] worst = [1, 5, 1, 5, 1, 5, 1, 5, 1, 5];
        participants.Add(StudyRecords.Participant("P26", 25, TaskOrder.AThenB, 100.0, null, 1, worst, worst));
        participants.Add(StudyRecords.Participant("P27", 26, TaskOrder.AThenB, 120.0, 700.0, 1, worst, worst));
        participants.Add(new ParticipantRecord(
            "P28",
            TaskOrder.BThenA,
            [StudyRecords.Skipped(StudyFlow.B, 1), StudyRecords.Skipped(StudyFlow.A, 2)],
            1,
            worst,
            worst));
        participants.Add(new ParticipantRecord("P29", TaskOrder.AThenB, [], 1, worst, worst));

        return participants;
    }

    /// <summary>
    /// A = 109 + 33.54 z and B = 64 + 19.96 w, where z standardises -12..12 and w standardises an irregular list
    /// of made-up times after removing its part along z, so that sum(z w) = 0 and the differences have the SD
    /// sqrt(19.96^2 + 33.54^2). Standardising (mean 0, sample SD 1) is what makes the means and SDs exact.
    /// </summary>
    private static (double[] A, double[] B) FirstStudyTimes()
    {
        const int Count = 25;
        double[] x = [.. Enumerable.Range(1, Count).Select(i => (double)(i - 13))];
        double squaresX = 0.0;
        foreach (double value in x)
        {
            squaresX += value * value;
        }

        double sdX = Math.Sqrt(squaresX / 24);
        double[] a = [.. x.Select(value => 109 + (33.54 * (value / sdX)))];

        double[] y =
        [
            58, 71, 49, 83, 62, 55, 90, 47, 66, 73, 51, 60, 79, 44, 68, 57, 86, 63, 52, 75, 59, 70, 48, 81, 65,
        ];
        double meanY = 0.0;
        foreach (double value in y)
        {
            meanY += value;
        }

        meanY /= Count;
        double[] centred = [.. y.Select(value => value - meanY)];
        double along = 0.0;
        for (int i = 0; i < Count; i++)
        {
            along += centred[i] * x[i];
        }

        double slope = along / squaresX;
        double[] residual = [.. centred.Select((value, i) => value - (slope * x[i]))];
        double meanResidual = 0.0;
        foreach (double value in residual)
        {
            meanResidual += value;
        }

        meanResidual /= Count;
        residual = [.. residual.Select(value => value - meanResidual)];
        double squaresResidual = 0.0;
        foreach (double value in residual)
        {
            squaresResidual += value * value;
        }

        double sdResidual = Math.Sqrt(squaresResidual / 24);
        double[] b = [.. residual.Select(value => 64 + (19.96 * (value / sdResidual)))];

        return (a, b);
    }
}
