using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

/// <summary>
/// Expected values come from Reference/reference_values.py, which evaluates mpmath's regularised incomplete beta
/// function at 50 digits and checks each CDF value against numerical integration of the t density; the closed forms
/// for 1 and 2 degrees of freedom are worked out beside their tests.
/// </summary>
public sealed class StudentTDistributionTests
{
    [Theory]
    [InlineData(2.0, 2.0, 0.90824829046386302)]
    [InlineData(2.0, 5.0, 0.94903026058507082)]
    [InlineData(-1.5, 10.0, 0.08225366322272009)]
    [InlineData(3.0, 30.0, 0.99730501796717403)]
    [InlineData(-2.0, 17.776, 0.030508911342630456)]
    [InlineData(1.96, 1000.0, 0.97486340752212564)]
    [InlineData(0.001, 4.0, 0.50037499992187502)]
    public void Cdf_SeveralDegreesOfFreedom_MatchesTheReference(double t, double degreesOfFreedom, double expected)
    {
        double actual = StudentTDistribution.Cdf(t, degreesOfFreedom);

        Assert.Equal(expected, actual, 1e-13);
    }

    [Theory]
    [InlineData(0.7, 0.5, 0.65729966873961673)]
    [InlineData(-25.0, 1.5, 0.00301281000598399)]
    [InlineData(12.0, 3.3, 0.99961070393915331)]
    [InlineData(-2.5, 50.0, 0.0078724791365600016)]
    [InlineData(4.0, 1e4, 0.99996810066558843)]
    [InlineData(-3.0, 1e6, 0.0013499312707108985)]
    [InlineData(0.2, 1e6, 0.57925968910488556)]
    [InlineData(-1e4, 2.0, 4.9999999250000012e-9)]
    public void Cdf_ExtremeDegreesOfFreedomOrT_MatchesTheReferenceRelatively(
        double t,
        double degreesOfFreedom,
        double expected)
    {
        double actual = StudentTDistribution.Cdf(t, degreesOfFreedom);

        // A million degrees of freedom is the hardest case here: about 1e-11 relative (8e-12 measured).
        Assert.Equal(expected, actual, expected * 1e-11);
    }

    [Theory]
    [InlineData(0.99, 0.5, 1028.4910104716201)]
    [InlineData(0.01, 1.5, -11.197316179568398)]
    [InlineData(0.975, 1e6, 1.9599663568141067)]
    [InlineData(0.75, 250.0, 0.67547236139743924)]
    public void Quantile_ExtremeDegreesOfFreedom_MatchesTheReference(
        double probability,
        double degreesOfFreedom,
        double expected)
    {
        double actual = StudentTDistribution.Quantile(probability, degreesOfFreedom);

        Assert.Equal(expected, actual, Math.Abs(expected) * 1e-11);
    }

    [Fact]
    public void UpperTail_NegativeT_IsOneMinusTheMirroredTail()
    {
        // Cauchy (1 degree of freedom): P(T > -1) = 1 - P(T > 1) = 3/4.
        double tail = StudentTDistribution.UpperTail(-1.0, 1.0);

        Assert.Equal(0.75, tail, 1e-15);
    }

    [Fact]
    public void TwoSidedPValue_NaN_IsNaN()
    {
        double p = StudentTDistribution.TwoSidedPValue(double.NaN, 5.0);

        Assert.True(double.IsNaN(p));
    }

    [Fact]
    public void Cdf_OneDegreeOfFreedom_IsTheCauchyDistribution()
    {
        // With 1 degree of freedom, F(t) = 1/2 + atan(t) / pi, so F(1) = 3/4 and F(-3) = 1/2 - atan(3) / pi.
        double atOne = StudentTDistribution.Cdf(1.0, 1.0);
        double atMinusThree = StudentTDistribution.Cdf(-3.0, 1.0);

        Assert.Equal(0.75, atOne, 1e-15);
        Assert.Equal(0.5 - (Math.Atan(3.0) / Math.PI), atMinusThree, 1e-15);
    }

    [Fact]
    public void UpperTail_FarInTheTail_KeepsItsRelativePrecision()
    {
        // pt(-40, 3) = 1.7190340394579264e-5 (reference); 1 - Cdf(40) would keep only about 11 digits of it.
        double tail = StudentTDistribution.UpperTail(40.0, 3.0);

        Assert.Equal(1.7190340394579264e-5, tail, 1e-18);
    }

    [Theory]
    [InlineData(0.975, 1.0, 12.706204736174693)]
    [InlineData(0.975, 2.0, 4.3026527297494618)]
    [InlineData(0.95, 5.0, 2.0150483733330235)]
    [InlineData(0.975, 10.0, 2.2281388519862742)]
    [InlineData(0.975, 24.0, 2.0638985616280254)]
    [InlineData(0.995, 24.0, 2.7969395047744559)]
    [InlineData(0.025, 24.0, -2.0638985616280258)]
    [InlineData(0.975, 30.0, 2.0422724563012379)]
    [InlineData(0.975, 17.776, 2.1028213103802212)]
    [InlineData(0.975, 1000.0, 1.9623390808264081)]
    [InlineData(0.9995, 1.0, 636.61924876878973)]
    [InlineData(0.6, 3.0, 0.27667066233268985)]
    public void Quantile_SeveralDegreesOfFreedom_MatchesTheReference(
        double probability,
        double degreesOfFreedom,
        double expected)
    {
        double actual = StudentTDistribution.Quantile(probability, degreesOfFreedom);

        Assert.Equal(expected, actual, Math.Abs(expected) * 1e-13);
    }

    [Fact]
    public void Quantile_TwentyFourDegreesOfFreedom_GivesRsQt()
    {
        // R: qt(0.975, 24) = 2.063899 (printed to 7 digits).
        double actual = StudentTDistribution.Quantile(0.975, 24.0);

        Assert.Equal(2.063899, Math.Round(actual, 6));
    }

    [Fact]
    public void Quantile_TinyProbability_IsFoundInTheTail()
    {
        // Reference: qt(1e-10, 7) = -53.835579484673733.
        double actual = StudentTDistribution.Quantile(1e-10, 7.0);

        Assert.Equal(-53.835579484673733, actual, 1e-9);
    }

    [Fact]
    public void Quantile_TwoDegreesOfFreedom_InvertsTheClosedForm()
    {
        // With 2 degrees of freedom, F(t) = 1/2 + t / (2 sqrt(2 + t^2)); solving for t at p = 0.9 gives
        // t = (2p - 1) sqrt(2 / (1 - (2p - 1)^2)) = 0.8 sqrt(2 / 0.36) = 1.8856180831641267.
        double actual = StudentTDistribution.Quantile(0.9, 2.0);

        Assert.Equal(0.8 * Math.Sqrt(2.0 / 0.36), actual, 1e-13);
    }

    [Theory]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(0.5, 0.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Quantile_EdgesOfTheRange_AreInfiniteOrZero(double probability, double expected)
    {
        double actual = StudentTDistribution.Quantile(probability, 9.0);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Quantile_ProbabilityAboveOne_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(1.5, 9.0));

        Assert.Contains("it is 1.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdf_ZeroDegreesOfFreedom_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Cdf(1.0, 0.0));
    }

    [Theory]
    [InlineData(0.3, 3.5)]
    [InlineData(0.999, 40.0)]
    [InlineData(0.0001, 2.2)]
    public void Quantile_ThenCdf_ReturnsTheProbability(double probability, double degreesOfFreedom)
    {
        double t = StudentTDistribution.Quantile(probability, degreesOfFreedom);

        double back = StudentTDistribution.Cdf(t, degreesOfFreedom);

        Assert.Equal(probability, back, probability * 1e-12);
    }
}
