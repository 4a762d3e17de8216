namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>
/// Combines task losses with learnable homoscedastic-uncertainty weights:
/// <c>total = sum_t ( exp(-s_t) * L_t + s_t )</c>, where <c>s_t = log sigma_t^2</c> is learnt.
/// </summary>
/// <remarks>
/// The 1/2 factors of the Gaussian derivation are left out on purpose. For a classification task
/// the derivation gives <c>exp(-s) L + s / 2</c>, whose optimum is <c>exp(-s) = 1 / (2 L)</c>; this
/// form gives <c>exp(-s) = 1 / L</c>. Both weigh the tasks in the same ratio, <c>L_attr : L_cat</c>
/// inverted, and Adam's per-parameter normalisation makes the common factor of two immaterial, so
/// the plainer form is used. The regulariser <c>s_t</c> keeps the weights from collapsing to zero:
/// without it every <c>s_t</c> would grow without bound.
/// </remarks>
public static class UncertaintyWeighting
{
    /// <summary>The precision weight <c>exp(-s)</c> a log-variance gives its task.</summary>
    public static double Weight(double logVariance) => Math.Exp(-logVariance);

    /// <summary>The combined loss of the tasks.</summary>
    /// <param name="losses">Each task's loss <c>L_t</c>.</param>
    /// <param name="logVariances">Each task's <c>s_t</c>, as many as there are losses.</param>
    public static double Total(ReadOnlySpan<double> losses, ReadOnlySpan<double> logVariances)
    {
        if (losses.Length != logVariances.Length)
        {
            throw new ArgumentException(
                $"There are {losses.Length} losses but {logVariances.Length} log-variances; they must pair up.",
                nameof(logVariances));
        }

        double total = 0;
        for (int t = 0; t < losses.Length; t++)
        {
            total += (Weight(logVariances[t]) * losses[t]) + logVariances[t];
        }

        return total;
    }

    /// <summary>The derivative of the total with respect to one task's log-variance: <c>1 - exp(-s) L</c>.</summary>
    public static double LogVarianceGradient(double loss, double logVariance) => 1 - (Weight(logVariance) * loss);
}
