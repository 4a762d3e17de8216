namespace FashionListing.Web.Studies.Analysis;

/// <summary>
/// Student's t distribution with any positive number of degrees of freedom, including the fractional ones of the
/// Welch test, computed from the regularised incomplete beta function.
/// </summary>
public static class StudentTDistribution
{
    private const int MaxIterations = 400;

    /// <summary>The probability that a t variable with <paramref name="degreesOfFreedom"/> is at most t.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(t) || double.IsNaN(degreesOfFreedom))
        {
            return double.NaN;
        }

        return t > 0.0 ? 1.0 - UpperTail(t, degreesOfFreedom) : UpperTail(-t, degreesOfFreedom);
    }

    /// <summary>
    /// The probability that a t variable exceeds <paramref name="t"/>, computed directly so that small p-values
    /// keep their precision.
    /// </summary>
    public static double UpperTail(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(t) || double.IsNaN(degreesOfFreedom))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(t))
        {
            return 0.0;
        }

        if (double.IsNegativeInfinity(t))
        {
            return 1.0;
        }

        // P(T > |t|) = I_x(df / 2, 1 / 2) / 2 with x = df / (df + t^2); 1 - x is computed as t^2 / (df + t^2)
        // rather than by subtraction so that small |t| keeps its precision too.
        double squared = t * t;
        double denominator = degreesOfFreedom + squared;
        double half = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(
            0.5 * degreesOfFreedom,
            0.5,
            degreesOfFreedom / denominator,
            squared / denominator);

        return t >= 0.0 ? half : 1.0 - half;
    }

    /// <summary>The two-sided p-value of a t statistic: the probability of a |T| at least as large.</summary>
    public static double TwoSidedPValue(double t, double degreesOfFreedom) =>
        Math.Min(1.0, 2.0 * UpperTail(Math.Abs(t), degreesOfFreedom));

    /// <summary>The density of the t distribution at <paramref name="t"/>.</summary>
    public static double Density(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        double v = degreesOfFreedom;
        double logDensity = SpecialFunctions.LogGamma(0.5 * (v + 1.0)) - SpecialFunctions.LogGamma(0.5 * v)
            - (0.5 * Math.Log(v * Math.PI)) - (0.5 * (v + 1.0) * Math.Log(1.0 + (t * t / v)));

        return Math.Exp(logDensity);
    }

    /// <summary>
    /// The value t with Cdf(t) = <paramref name="probability"/>, e.g. Quantile(0.975, 24) = 2.063899; minus and
    /// plus infinity for probabilities 0 and 1.
    /// </summary>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(probability) || double.IsNaN(degreesOfFreedom))
        {
            return double.NaN;
        }

        if (probability is < 0.0 or > 1.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(probability),
                probability,
                $"A probability must lie in 0..1; it is {probability}.");
        }

        if (probability == 0.5)
        {
            return 0.0;
        }

        // Solve in the upper tail for the smaller of p and 1 - p, so that p close to 1 loses no precision, then
        // mirror: the distribution is symmetric about 0.
        double tail = Math.Min(probability, 1.0 - probability);
        double t = UpperTailQuantile(tail, degreesOfFreedom);

        return probability > 0.5 ? t : -t;
    }

    // Finds t >= 0 with UpperTail(t) = tail for 0 <= tail < 0.5: doubles an upper bound until it brackets the root,
    // then takes Newton steps, falling back to bisection whenever a step would leave the bracket.
    private static double UpperTailQuantile(double tail, double degreesOfFreedom)
    {
        if (tail <= 0.0)
        {
            return double.PositiveInfinity;
        }

        double low = 0.0;
        double high = 1.0;
        while (UpperTail(high, degreesOfFreedom) > tail)
        {
            low = high;
            high *= 2.0;
            if (double.IsInfinity(high))
            {
                return double.PositiveInfinity;
            }
        }

        double t = 0.5 * (low + high);
        for (int i = 0; i < MaxIterations; i++)
        {
            double excess = UpperTail(t, degreesOfFreedom) - tail;
            if (excess == 0.0)
            {
                return t;
            }

            if (excess > 0.0)
            {
                low = t;
            }
            else
            {
                high = t;
            }

            // The upper tail falls with slope -density, so Newton's step is excess / density.
            double next = t + (excess / Density(t, degreesOfFreedom));
            if (!(next > low && next < high))
            {
                next = 0.5 * (low + high);
            }

            if (Math.Abs(next - t) <= 1e-15 * Math.Abs(next) || high - low <= 1e-15 * high)
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    private static void CheckDegreesOfFreedom(double degreesOfFreedom)
    {
        if (degreesOfFreedom <= 0.0 || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(
                nameof(degreesOfFreedom),
                degreesOfFreedom,
                $"Degrees of freedom must be positive and finite; they are {degreesOfFreedom}.");
        }
    }
}
