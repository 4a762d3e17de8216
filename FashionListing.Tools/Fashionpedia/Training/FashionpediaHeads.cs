using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>One instance to train on: its backbone features and its labels as consecutive indices.</summary>
/// <param name="Features">The crop's features (raw, or standardised once the trainer has fitted them).</param>
/// <param name="Category">The category index, as the label id mapper numbers categories.</param>
/// <param name="AttributeTargets">Per attribute index, whether the instance has the attribute.</param>
/// <param name="AttributeObserved">
/// Per attribute index, whether the label says anything about it; unobserved attributes add nothing
/// to the attribute loss.
/// </param>
public sealed record HeadExample(float[] Features, int Category, bool[] AttributeTargets, bool[] AttributeObserved);

/// <summary>
/// The two linear heads on one standardised embedding: softmax over the categories, independent
/// sigmoids over the attributes, with each task's learnt log-variance.
/// </summary>
/// <param name="Standardiser">Standardisation of the raw features, fitted on the training instances.</param>
/// <param name="Category">Category logits from the standardised features.</param>
/// <param name="Attributes">Attribute logits from the standardised features.</param>
/// <param name="LogVariances">
/// <c>s_t = log sigma_t^2</c> of the category task (index <see cref="CategoryTask"/>) and the
/// attribute task (index <see cref="AttributeTask"/>).
/// </param>
public sealed record FashionpediaHeads(
    Standardiser Standardiser,
    DenseLayer Category,
    DenseLayer Attributes,
    float[] LogVariances)
{
    /// <summary>Index of the category task in <see cref="LogVariances"/>.</summary>
    public const int CategoryTask = 0;

    /// <summary>Index of the attribute task in <see cref="LogVariances"/>.</summary>
    public const int AttributeTask = 1;

    /// <summary>The category probabilities and attribute probabilities for raw features.</summary>
    public (float[] Categories, float[] Attributes) Predict(ReadOnlySpan<float> features)
    {
        float[] z = Standardiser.Apply(features);
        float[] categories = HeadTrainer.Dense(Category, z);
        HeadTrainer.Softmax(categories);
        float[] attributes = HeadTrainer.Dense(Attributes, z);
        for (int a = 0; a < attributes.Length; a++)
        {
            attributes[a] = (float)MultiTaskObjective.Sigmoid(attributes[a]);
        }

        return (categories, attributes);
    }

    /// <summary>A deep copy, so that a checkpoint is not changed by later training steps.</summary>
    public FashionpediaHeads DeepCopy() => new(
        Standardiser,
        Category with { Weights = (float[])Category.Weights.Clone(), Biases = (float[])Category.Biases.Clone() },
        Attributes with { Weights = (float[])Attributes.Weights.Clone(), Biases = (float[])Attributes.Biases.Clone() },
        (float[])LogVariances.Clone());
}
