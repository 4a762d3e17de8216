namespace FashionListing.Tools.Classification;

/// <summary>
/// AdamW's running moment estimates for one parameter array, and the update that uses them:
/// Adam's step on the gradient plus a decoupled weight decay that shrinks the parameters by
/// <c>1 - rate * decay</c> before the step, independently of the gradient.
/// </summary>
public sealed class AdamWMoments(int length)
{
    /// <summary>Adam's first-moment decay.</summary>
    public const double Beta1 = 0.9;

    /// <summary>Adam's second-moment decay.</summary>
    public const double Beta2 = 0.999;

    /// <summary>Added to the root of the second moment, so a zero gradient does not divide by zero.</summary>
    public const double Epsilon = 1e-8;

    private readonly float[] _moment = new float[length];
    private readonly float[] _squares = new float[length];

    /// <summary>Updates the parameters in place.</summary>
    /// <param name="parameters">The parameters, as long as this instance.</param>
    /// <param name="gradient">The summed gradient; it is multiplied by <paramref name="scale"/> first.</param>
    /// <param name="scale">Turns the summed gradient into the mean, e.g. one over the batch size.</param>
    /// <param name="step">The 1-based step count, for the bias corrections.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="decay">The decoupled weight decay; 0 for none.</param>
    public void Step(float[] parameters, float[] gradient, float scale, int step, double learningRate, double decay)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradient);
        double correction1 = 1 - Math.Pow(Beta1, step);
        double correction2 = 1 - Math.Pow(Beta2, step);
        float rate = (float)learningRate;
        float shrink = (float)(1 - (learningRate * decay));
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradient[i] * scale;
            _moment[i] = (float)((Beta1 * _moment[i]) + ((1 - Beta1) * g));
            _squares[i] = (float)((Beta2 * _squares[i]) + ((1 - Beta2) * g * g));
            double mHat = _moment[i] / correction1;
            double vHat = _squares[i] / correction2;
            parameters[i] = (float)((parameters[i] * shrink) - (rate * mHat / (Math.Sqrt(vHat) + Epsilon)));
        }
    }
}
