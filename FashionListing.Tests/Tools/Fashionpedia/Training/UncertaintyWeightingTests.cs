using FashionListing.Tools.Fashionpedia.Training;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

public sealed class UncertaintyWeightingTests
{
    [Fact]
    public void Total_TwoTasks_MatchesHandComputation()
    {
        // exp(-0.5) * 2 + 0.5 = 1.2130613194 + 0.5; exp(1) * 0.5 - 1 = 1.3591409142 - 1.
        double[] losses = [2.0, 0.5];
        double[] logVariances = [0.5, -1.0];

        double total = UncertaintyWeighting.Total(losses, logVariances);

        Assert.Equal(1.7130613194 + 0.3591409142, total, 9);
    }

    [Fact]
    public void Total_ZeroLogVariances_IsTheSumOfTheLosses()
    {
        double total = UncertaintyWeighting.Total([1.25, 0.75], [0.0, 0.0]);

        Assert.Equal(2.0, total, 12);
    }

    [Fact]
    public void LogVarianceGradient_AtTheLogOfTheLoss_IsZero()
    {
        double gradient = UncertaintyWeighting.LogVarianceGradient(2.0, Math.Log(2.0));

        Assert.Equal(0.0, gradient, 12);
    }

    [Fact]
    public void LogVarianceGradient_ZeroLogVariance_IsOneMinusTheLoss()
    {
        double gradient = UncertaintyWeighting.LogVarianceGradient(3.0, 0.0);

        Assert.Equal(-2.0, gradient, 12);
    }

    [Fact]
    public void Total_MoreLossesThanLogVariances_Throws()
    {
        Assert.Throws<ArgumentException>(() => UncertaintyWeighting.Total([1.0, 2.0], [0.0]));
    }
}
