namespace FashionListing.Inference.Segmentation;

/// <summary>How the head's coarse mask is refined at the photo's resolution.</summary>
/// <param name="Radius">Guided-filter window radius in photo pixels; 0 turns the filter off.</param>
/// <param name="Epsilon">Guided-filter regularisation (guide values are 0-1).</param>
/// <param name="Threshold">Probability above which a pixel is garment.</param>
public sealed record MaskRefinement(int Radius, float Epsilon, float Threshold)
{
    /// <summary>The settings the committed segmenter uses.</summary>
    public static MaskRefinement Default { get; } = new(8, 0.01f, 0.5f);
}
