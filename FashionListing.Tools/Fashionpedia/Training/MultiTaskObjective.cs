using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>The losses of a set of instances under the current heads.</summary>
/// <param name="Total">The uncertainty-weighted total, <see cref="UncertaintyWeighting.Total"/>.</param>
/// <param name="Category">Mean cross-entropy of the category softmax over the instances.</param>
/// <param name="Attribute">Mean binary cross-entropy over every observed (instance, attribute) pair.</param>
/// <param name="CategoryWeight">The category task's precision weight <c>exp(-s_cat)</c>.</param>
/// <param name="AttributeWeight">The attribute task's precision weight <c>exp(-s_attr)</c>.</param>
public sealed record TaskLosses(
    double Total,
    double Category,
    double Attribute,
    double CategoryWeight,
    double AttributeWeight);

/// <summary>The gradient of the total loss with respect to every parameter of the heads.</summary>
public sealed class HeadGradients(FashionpediaHeads heads)
{
    /// <summary>Of the category layer's weights, in its layout.</summary>
    public float[] CategoryWeights { get; } = new float[heads.Category.Weights.Length];

    /// <summary>Of the category layer's biases.</summary>
    public float[] CategoryBiases { get; } = new float[heads.Category.Biases.Length];

    /// <summary>Of the attribute layer's weights, in its layout.</summary>
    public float[] AttributeWeights { get; } = new float[heads.Attributes.Weights.Length];

    /// <summary>Of the attribute layer's biases.</summary>
    public float[] AttributeBiases { get; } = new float[heads.Attributes.Biases.Length];

    /// <summary>Of the two log-variances.</summary>
    public float[] LogVariances { get; } = new float[2];

    /// <summary>Sets every gradient to zero.</summary>
    public void Clear()
    {
        Array.Clear(CategoryWeights);
        Array.Clear(CategoryBiases);
        Array.Clear(AttributeWeights);
        Array.Clear(AttributeBiases);
        Array.Clear(LogVariances);
    }
}

/// <summary>
/// The training objective of the two heads and its hand-written gradient. For N instances and the
/// set O of observed (instance, attribute) pairs:
/// <c>L_cat = (1/N) sum_n -log softmax(Wc z_n + bc)[y_n]</c>,
/// <c>L_attr = (1/|O|) sum_(n,a) in O BCE(sigmoid((Wa z_n + ba)[a]), t_na)</c>, and
/// <c>total = exp(-s_cat) L_cat + s_cat + exp(-s_attr) L_attr + s_attr</c>.
/// </summary>
/// <remarks>
/// With the logits' gradients <c>exp(-s_cat) (p - onehot(y)) / N</c> and
/// <c>exp(-s_attr) (sigmoid - t) / |O|</c> on observed pairs, each layer's gradient is their outer
/// product with the input. A set with no observed attribute pair has <c>L_attr = 0</c>.
/// </remarks>
public static class MultiTaskObjective
{
    /// <summary>The logistic function, computed without overflow for large negative inputs.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>
    /// The losses of standardised instances; when <paramref name="gradients"/> is given, the total's
    /// gradient is added to it.
    /// </summary>
    /// <param name="heads">The heads; their standardiser is not applied here.</param>
    /// <param name="examples">Instances with standardised features.</param>
    /// <param name="gradients">Receives the gradient; null to compute only the losses.</param>
    public static TaskLosses Evaluate(
        FashionpediaHeads heads,
        IReadOnlyList<HeadExample> examples,
        HeadGradients? gradients = null)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("There are no instances to compute a loss over.", nameof(examples));
        }

        double sCategory = heads.LogVariances[FashionpediaHeads.CategoryTask];
        double sAttribute = heads.LogVariances[FashionpediaHeads.AttributeTask];
        double categoryWeight = UncertaintyWeighting.Weight(sCategory);
        double attributeWeight = UncertaintyWeighting.Weight(sAttribute);
        int observed = examples.Sum(e => e.AttributeObserved.Count(o => o));
        double categoryScale = categoryWeight / examples.Count;
        double attributeScale = observed == 0 ? 0 : attributeWeight / observed;

        double categorySum = 0;
        double attributeSum = 0;
        foreach (HeadExample example in examples)
        {
            float[] z = example.Features;

            float[] probabilities = HeadTrainer.Dense(heads.Category, z);
            HeadTrainer.Softmax(probabilities);
            categorySum -= Math.Log(Math.Max(probabilities[example.Category], 1e-30));

            // Each logit is replaced by its gradient once its loss term is added; unobserved ones by 0.
            float[] logits = HeadTrainer.Dense(heads.Attributes, z);
            for (int a = 0; a < logits.Length; a++)
            {
                if (!example.AttributeObserved[a])
                {
                    logits[a] = 0;
                    continue;
                }

                double x = logits[a];
                double t = example.AttributeTargets[a] ? 1 : 0;

                // log(1 + e^x) - t x, written so that neither branch overflows.
                attributeSum += Math.Max(x, 0) - (x * t) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                logits[a] = (float)(attributeScale * (Sigmoid(x) - t));
            }

            if (gradients is not null)
            {
                for (int k = 0; k < probabilities.Length; k++)
                {
                    double target = k == example.Category ? 1 : 0;
                    probabilities[k] = (float)(categoryScale * (probabilities[k] - target));
                }

                AddOuterProduct(probabilities, z, gradients.CategoryWeights, gradients.CategoryBiases);
                AddOuterProduct(logits, z, gradients.AttributeWeights, gradients.AttributeBiases);
            }
        }

        double categoryLoss = categorySum / examples.Count;
        double attributeLoss = observed == 0 ? 0 : attributeSum / observed;
        if (gradients is not null)
        {
            gradients.LogVariances[FashionpediaHeads.CategoryTask] +=
                (float)UncertaintyWeighting.LogVarianceGradient(categoryLoss, sCategory);
            gradients.LogVariances[FashionpediaHeads.AttributeTask] +=
                (float)UncertaintyWeighting.LogVarianceGradient(attributeLoss, sAttribute);
        }

        double total = UncertaintyWeighting.Total([categoryLoss, attributeLoss], [sCategory, sAttribute]);

        return new TaskLosses(total, categoryLoss, attributeLoss, categoryWeight, attributeWeight);
    }

    private static void AddOuterProduct(float[] outputGradient, float[] input, float[] weights, float[] biases)
    {
        int inputs = input.Length;
        for (int o = 0; o < outputGradient.Length; o++)
        {
            if (outputGradient[o] != 0)
            {
                HeadTrainer.Axpy(outputGradient[o], input, weights.AsSpan(o * inputs, inputs));
                biases[o] += outputGradient[o];
            }
        }
    }
}
