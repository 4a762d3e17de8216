using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

public sealed class DescriptiveStatisticsTests
{
    // qt(0.975, 4) from Reference/reference_values.py (R prints 2.776445).
    private const double T975With4 = 2.7764451051977935;

    [Fact]
    public void Summarise_FiveValues_MatchesAHandCalculation()
    {
        // 2, 4, 4, 5, 10: sum 25, mean 5; deviations -3, -1, -1, 0, 5; squares 9 + 1 + 1 + 0 + 25 = 36;
        // variance 36 / 4 = 9, SD 3; median 4; mode 4 (twice); CI 5 +- qt(0.975, 4) * 3 / sqrt(5).
        double[] values = [10, 4, 2, 5, 4];

        Summary summary = DescriptiveStatistics.Summarise(values);

        Assert.Equal(5, summary.Count);
        Assert.Equal(5.0, summary.Mean, 1e-15);
        Assert.Equal(4.0, summary.Median);
        Assert.Equal([4.0], summary.Modes);
        Assert.Equal(3.0, summary.StandardDeviation, 1e-15);
        Assert.Equal(5.0 - (T975With4 * 3.0 / Math.Sqrt(5.0)), summary.ConfidenceLow, 1e-12);
        Assert.Equal(5.0 + (T975With4 * 3.0 / Math.Sqrt(5.0)), summary.ConfidenceHigh, 1e-12);
    }

    [Fact]
    public void Summarise_EvenCount_TakesTheMeanOfTheTwoMiddleValues()
    {
        double[] values = [7, 1, 3, 100];

        Summary summary = DescriptiveStatistics.Summarise(values);

        Assert.Equal(5.0, summary.Median);
    }

    [Fact]
    public void Summarise_TwoValuesEquallyFrequent_ListsBothModesInOrder()
    {
        double[] values = [3, 1, 3, 2, 1];

        Summary summary = DescriptiveStatistics.Summarise(values);

        Assert.Equal([1.0, 3.0], summary.Modes);
    }

    [Fact]
    public void Summarise_AllValuesDiffer_HasNoMode()
    {
        double[] values = [1.5, 2.5, 4.0];

        Summary summary = DescriptiveStatistics.Summarise(values);

        Assert.Empty(summary.Modes);
    }

    [Fact]
    public void Summarise_EveryValueTwice_ListsEveryValue()
    {
        double[] values = [2, 1, 2, 1];

        Summary summary = DescriptiveStatistics.Summarise(values);

        Assert.Equal([1.0, 2.0], summary.Modes);
    }

    [Fact]
    public void Summarise_TimesRoundedToWholeSeconds_FindsTheModeTheExactValuesHide()
    {
        // 61.2 and 60.7 both round to 61; 64.5 rounds away from zero to 65, as does 65.4.
        double[] values = [61.2, 60.7, 64.5, 65.4, 70.1, 64.6];

        Summary exact = DescriptiveStatistics.Summarise(values);
        Summary rounded = DescriptiveStatistics.Summarise(values, modeDecimals: 0);

        Assert.Empty(exact.Modes);
        Assert.Equal([65.0], rounded.Modes);
        Assert.Equal(exact.Mean, rounded.Mean);
    }

    [Fact]
    public void Summarise_NoValues_ReturnsCountZeroAndNaN()
    {
        Summary summary = DescriptiveStatistics.Summarise([]);

        Assert.Equal(0, summary.Count);
        Assert.True(double.IsNaN(summary.Mean));
        Assert.True(double.IsNaN(summary.Median));
        Assert.Empty(summary.Modes);
        Assert.True(double.IsNaN(summary.StandardDeviation));
        Assert.True(double.IsNaN(summary.ConfidenceLow));
        Assert.True(double.IsNaN(summary.ConfidenceHigh));
    }

    [Fact]
    public void Summarise_OneValue_HasMeanAndModeButNoSpread()
    {
        Summary summary = DescriptiveStatistics.Summarise([42.0]);

        Assert.Equal(1, summary.Count);
        Assert.Equal(42.0, summary.Mean);
        Assert.Equal(42.0, summary.Median);
        Assert.Equal([42.0], summary.Modes);
        Assert.True(double.IsNaN(summary.StandardDeviation));
        Assert.True(double.IsNaN(summary.ConfidenceLow));
        Assert.True(double.IsNaN(summary.ConfidenceHigh));
    }

    [Fact]
    public void Summarise_LargeValuesCloseTogether_KeepsTheSpread()
    {
        // 1e9 + 1, 1e9 + 2, 1e9 + 3: mean 1e9 + 2, SD 1; a sum of squares minus a squared sum would lose it.
        double[] values = [1e9 + 1, 1e9 + 2, 1e9 + 3];

        Summary summary = DescriptiveStatistics.Summarise(values);

        Assert.Equal(1e9 + 2, summary.Mean);
        Assert.Equal(1.0, summary.StandardDeviation, 1e-12);
    }

    [Fact]
    public void Summarise_PreferencesOfTheFirstStudy_GiveMean381WithMedianAndMode4()
    {
        // 3.81 cannot come from 25 answers (95 / 25 = 3.80, 96 / 25 = 3.84), but 80 / 21 = 3.8095 can: one 1, two 2s,
        // three 3s, nine 4s and six 5s. Median: the 11th of 21 sorted answers is a 4.
        double[] answers = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5];

        Summary summary = DescriptiveStatistics.Summarise(answers);

        Assert.Equal(3.81, Math.Round(summary.Mean, 2));
        Assert.Equal(80.0 / 21.0, summary.Mean, 1e-14);
        Assert.Equal(4.0, summary.Median);
        Assert.Equal([4.0], summary.Modes);

        // Reference/reference_values.py: sd 1.12334534400814, CI (3.29818313950791, 4.3208644795397).
        Assert.Equal(1.12334534400814, summary.StandardDeviation, 1e-13);
        Assert.Equal(3.29818313950791, summary.ConfidenceLow, 1e-13);
        Assert.Equal(4.3208644795397, summary.ConfidenceHigh, 1e-12);
    }

    [Fact]
    public void Summarise_NaNValue_ThrowsNamingThePosition()
    {
        var error = Assert.Throws<ArgumentException>(() => DescriptiveStatistics.Summarise([1.0, double.NaN]));

        Assert.Contains("values[1] is NaN", error.Message, StringComparison.Ordinal);
    }
}
