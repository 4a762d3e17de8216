using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>
/// AdamW over the heads' parameters. The decoupled weight decay shrinks only the two weight
/// matrices: biases are offsets, and decaying a log-variance would pull every task weight towards
/// one, a prior the uncertainty weighting is meant to replace.
/// </summary>
public sealed class MultiTaskOptimizer
{
    private readonly AdamWMoments _categoryWeights;
    private readonly AdamWMoments _categoryBiases;
    private readonly AdamWMoments _attributeWeights;
    private readonly AdamWMoments _attributeBiases;
    private readonly AdamWMoments _logVariances = new(2);
    private readonly double _learningRate;
    private readonly double _logVarianceLearningRate;
    private readonly double _weightDecay;
    private int _step;

    /// <summary>Prepares the moment estimates for heads of the given shape.</summary>
    /// <param name="heads">The heads that will be trained.</param>
    /// <param name="learningRate">Step size of the heads' weights and biases.</param>
    /// <param name="logVarianceLearningRate">Step size of the two log-variances.</param>
    /// <param name="weightDecay">Decoupled decay of the two weight matrices.</param>
    public MultiTaskOptimizer(
        FashionpediaHeads heads,
        double learningRate,
        double logVarianceLearningRate,
        double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(heads);
        _categoryWeights = new AdamWMoments(heads.Category.Weights.Length);
        _categoryBiases = new AdamWMoments(heads.Category.Biases.Length);
        _attributeWeights = new AdamWMoments(heads.Attributes.Weights.Length);
        _attributeBiases = new AdamWMoments(heads.Attributes.Biases.Length);
        _learningRate = learningRate;
        _logVarianceLearningRate = logVarianceLearningRate;
        _weightDecay = weightDecay;
    }

    /// <summary>One step on the gradient of a mini-batch's total loss.</summary>
    public void Step(FashionpediaHeads heads, HeadGradients gradients)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(gradients);
        _step++;
        _categoryWeights.Step(
            heads.Category.Weights, gradients.CategoryWeights, 1, _step, _learningRate, _weightDecay);
        _categoryBiases.Step(heads.Category.Biases, gradients.CategoryBiases, 1, _step, _learningRate, 0);
        _attributeWeights.Step(
            heads.Attributes.Weights, gradients.AttributeWeights, 1, _step, _learningRate, _weightDecay);
        _attributeBiases.Step(heads.Attributes.Biases, gradients.AttributeBiases, 1, _step, _learningRate, 0);
        _logVariances.Step(heads.LogVariances, gradients.LogVariances, 1, _step, _logVarianceLearningRate, 0);
    }
}
