namespace FashionListing.Web.Studies.Analysis;

/// <summary>The standard normal distribution, as far as the tests of a study need it.</summary>
public static class NormalDistribution
{
    /// <summary>The probability that a standard normal variable is at most <paramref name="z"/>.</summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        return z > 0.0 ? 1.0 - UpperTail(z) : UpperTail(-z);
    }

    /// <summary>
    /// The probability that a standard normal variable exceeds <paramref name="z"/>, computed directly so that
    /// small tail probabilities keep their precision.
    /// </summary>
    public static double UpperTail(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        // 1 - Phi(z) = erfc(z / sqrt 2) / 2, and erfc(y) = Q(1/2, y^2) for y >= 0.
        double half = 0.5 * SpecialFunctions.RegularizedGammaQ(0.5, 0.5 * z * z);

        return z >= 0.0 ? half : 1.0 - half;
    }
}
