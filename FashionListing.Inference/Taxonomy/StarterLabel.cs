using FashionListing.Inference.Pipeline;

namespace FashionListing.Inference.Taxonomy;

/// <summary>One garment label of the starter model, with the Fashionpedia facts it implies.</summary>
/// <param name="Label">The label as the clothing dataset writes it, e.g. "Longsleeve".</param>
/// <param name="DisplayName">The label as a seller reads it, e.g. "Long-sleeve top".</param>
/// <param name="Category">The Fashionpedia category the label maps to.</param>
/// <param name="ImpliedAttributes">Attributes every garment with this label has, e.g. "wrist-length".</param>
public sealed record StarterLabel(
    string Label,
    string DisplayName,
    FashionpediaCategory Category,
    IReadOnlyList<FashionpediaAttributeDefinition> ImpliedAttributes)
{
    /// <summary>
    /// The label as a category suggestion with the model's probability; its attributes are the implied
    /// ones, scored with the same probability.
    /// </summary>
    public CategorySuggestion ToCategorySuggestion(float probability) =>
        new(Label, DisplayName, Category.Id, Category.Name, probability, ToAttributeSuggestions(probability));

    /// <summary>The implied attributes as suggestions, each with the given score.</summary>
    /// <param name="score">
    /// How sure the caller is; implied attributes are as certain as the label, so the label's
    /// probability is the natural choice.
    /// </param>
    public IReadOnlyList<AttributeSuggestion> ToAttributeSuggestions(float score) =>
        ImpliedAttributes.Select(a => new AttributeSuggestion(a.Id, a.Name, a.Supercategory, score)).ToList();
}
