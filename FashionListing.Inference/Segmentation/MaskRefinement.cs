namespace FashionListing.Inference.Segmentation;

/// <summary>How the head's coarse mask is refined at the photo's resolution.</summary>
/// <param name="Radius">Guided-filter window radius in photo pixels; 0 turns the filter off.</param>
/// <param name="Epsilon">Guided-filter regularisation (guide values are 0-1).</param>
/// <param name="Threshold">Probability above which a pixel is garment.</param>
/// <param name="ColourWeight">
/// Weight of the colour model's log-likelihood ratio added to the head's logit; 0 turns it off.
/// </param>
/// <param name="PriorClamp">The head's logit is clamped to plus or minus this before the colour term is added.</param>
/// <param name="ColourIterations">Rounds of re-estimating the garment and background colour histograms.</param>
/// <param name="ColourLimit">
/// The colour log-likelihood ratio is clamped to plus or minus this, so that where the head is sure
/// a colour shared with the background cannot overrule it.
/// </param>
public sealed record MaskRefinement(
    int Radius,
    float Epsilon,
    float Threshold,
    float ColourWeight,
    float PriorClamp,
    int ColourIterations,
    float ColourLimit = 5f)
{
    /// <summary>The settings the committed segmenter uses, chosen on held-out senders' teacher labels.</summary>
    public static MaskRefinement Default { get; } = new(0, 0.001f, 0.5f, 2f, 8f, 2, 1.5f);
}
