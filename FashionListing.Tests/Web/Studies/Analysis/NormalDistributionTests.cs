using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

/// <summary>Expected values: mpmath.ncdf at 50 digits (Reference/reference_values.py).</summary>
public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(-1.959963984540054, 0.025000000000000011)]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.84134474606854295)]
    [InlineData(2.5, 0.99379033467422386)]
    public void Cdf_SeveralPoints_MatchesTheReference(double z, double expected)
    {
        double actual = NormalDistribution.Cdf(z);

        Assert.Equal(expected, actual, 1e-15);
    }

    [Fact]
    public void Cdf_SixBelowTheMean_KeepsItsRelativePrecision()
    {
        double actual = NormalDistribution.Cdf(-6.0);

        Assert.Equal(9.8658764503769814e-10, actual, 1e-23);
    }

    [Fact]
    public void UpperTail_NegativeZ_IsOneMinusTheMirroredTail()
    {
        // 1 - Phi(-1) = Phi(1) = 0.84134474606854295 (mpmath).
        double tail = NormalDistribution.UpperTail(-1.0);

        Assert.Equal(0.84134474606854295, tail, 1e-15);
    }
}
