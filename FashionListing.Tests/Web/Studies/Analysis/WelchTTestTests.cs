using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

public sealed class WelchTTestTests
{
    [Fact]
    public void Run_SleepData_MatchesRsWelchTest()
    {
        // R: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939,
        // CI -3.3654832 0.2054832; more digits from Reference/reference_values.py (mpmath).
        double[] drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

        WelchTTestResult result = WelchTTest.Run(drug1, drug2);

        Assert.Equal(-1.58, result.MeanDifference, 1e-13);
        Assert.Equal(-1.86081346748685, result.T, 1e-12);
        Assert.Equal(17.7764735161785, result.DegreesOfFreedom, 1e-11);
        Assert.Equal(0.0793941401873581, result.PValue, 1e-13);
        Assert.Equal(-3.36548323071171, result.ConfidenceLow, 1e-12);
        Assert.Equal(0.205483230711711, result.ConfidenceHigh, 1e-12);
    }

    [Fact]
    public void Run_SmallGroups_GivesTheWelchSatterthwaiteDegreesOfFreedomByHand()
    {
        // x = 1, 2, 3: mean 2, variance 1, share 1/3. y = 2, 4, 6, 8: mean 5, variance 20/3, share 5/3.
        // df = (1/3 + 5/3)^2 / ((1/3)^2 / 2 + (5/3)^2 / 3) = 4 / (1/18 + 25/27) = 4 / (53/54) = 216 / 53.
        // t = (2 - 5) / sqrt(2) = -2.1213203435596424.
        WelchTTestResult result = WelchTTest.Run([1.0, 2.0, 3.0], [2.0, 4.0, 6.0, 8.0]);

        Assert.Equal(-3.0, result.MeanDifference, 1e-14);
        Assert.Equal(-3.0 / Math.Sqrt(2.0), result.T, 1e-14);
        Assert.Equal(216.0 / 53.0, result.DegreesOfFreedom, 1e-13);
    }

    [Fact]
    public void Run_OneValueInAGroup_ReturnsTheDifferenceOnly()
    {
        WelchTTestResult result = WelchTTest.Run([4.0], [1.0, 2.0, 3.0]);

        Assert.Equal(2.0, result.MeanDifference, 1e-14);
        Assert.True(double.IsNaN(result.T));
        Assert.True(double.IsNaN(result.DegreesOfFreedom));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void Run_BothGroupsConstant_HasNoDegreesOfFreedom()
    {
        WelchTTestResult result = WelchTTest.Run([4.0, 4.0], [1.0, 1.0]);

        Assert.Equal(double.PositiveInfinity, result.T);
        Assert.True(double.IsNaN(result.DegreesOfFreedom));
        Assert.True(double.IsNaN(result.PValue));
    }
}
