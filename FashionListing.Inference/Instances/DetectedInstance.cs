using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Inference.Instances;

/// <summary>One garment (or garment part) a Fashionpedia model found in the photo.</summary>
/// <param name="CategoryIndex">
/// The index of the predicted category among the model's category outputs (never the "no object" class); the
/// manifest's <c>categories</c> map it to a Fashionpedia category id.
/// </param>
/// <param name="Score">The predicted category's probability, 0 to 1.</param>
/// <param name="CategoryProbabilities">
/// The probability of every real category output, in output order. For the query layout these are the
/// softmax over all classes with "no object" left out, so they sum to less than 1 where "no object" had weight.
/// </param>
/// <param name="AttributeProbabilities">
/// The sigmoid of every attribute output, in output order; null when the model has no attribute output.
/// </param>
/// <param name="Mask">The instance's mask at the photo's own size.</param>
/// <param name="Bounds">
/// The smallest rectangle holding the mask, in photo pixels; <c>Right</c> and <c>Bottom</c> are exclusive.
/// </param>
public sealed record DetectedInstance(
    int CategoryIndex,
    float Score,
    float[] CategoryProbabilities,
    float[]? AttributeProbabilities,
    GarmentMask Mask,
    SKRectI Bounds);

/// <summary>
/// A candidate that survived the score threshold, top-k and mask non-maximum suppression, before its mask is
/// resized to the photo.
/// </summary>
/// <param name="Index">The query or anchor index in the model's output.</param>
/// <param name="CategoryIndex">The index of the predicted category among the model's category outputs.</param>
/// <param name="Score">The predicted category's probability, 0 to 1.</param>
public sealed record InstanceCandidate(int Index, int CategoryIndex, float Score);
