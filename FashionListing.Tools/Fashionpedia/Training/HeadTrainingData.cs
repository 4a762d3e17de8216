using FashionListing.Inference.Classification;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>The instances of the train and validation parts, and what the report says about them.</summary>
/// <param name="Train">Training instances (both views of each crop for the clothing photos).</param>
/// <param name="Validation">Validation instances, one per crop.</param>
/// <param name="Recipe">How the features were computed.</param>
/// <param name="Description">Markdown lines on the source, the split and the targets.</param>
public sealed record HeadTrainingData(
    IReadOnlyList<HeadExample> Train,
    IReadOnlyList<HeadExample> Validation,
    CategoryHeadRecipe Recipe,
    IReadOnlyList<string> Description);

/// <summary>Turns a labelled instance into the two heads' targets.</summary>
/// <remarks>
/// Which attributes are observed: with <c>allAttributes</c>, all of them (an absent attribute is a
/// negative); otherwise those the taxonomy says describe the instance's category, plus any the
/// instance is labelled with. A Fashionpedia annotator could not give a shoe a neckline, so
/// scoring the shoe's "no neckline" would only teach the attribute head the category again.
/// </remarks>
public static class HeadTargets
{
    /// <summary>The targets of an instance of a category with a set of positive attributes.</summary>
    /// <param name="mapper">Numbers the categories and attributes.</param>
    /// <param name="taxonomy">Says which attributes describe the category.</param>
    /// <param name="categoryId">The Fashionpedia category id.</param>
    /// <param name="attributeIds">The Fashionpedia ids of the attributes the instance has.</param>
    /// <param name="observedIds">
    /// The attribute ids the label speaks about, or null for every attribute that describes the category.
    /// </param>
    /// <param name="allAttributes">Whether every attribute is observed.</param>
    public static (int Category, bool[] Targets, bool[] Observed) For(
        LabelIdMapper mapper,
        FashionpediaTaxonomy taxonomy,
        int categoryId,
        IEnumerable<int> attributeIds,
        IEnumerable<int>? observedIds,
        bool allAttributes)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(attributeIds);
        bool[] targets = new bool[mapper.AttributeCount];
        bool[] observed = new bool[mapper.AttributeCount];
        if (allAttributes)
        {
            Array.Fill(observed, true);
        }
        else if (observedIds is not null)
        {
            foreach (int id in observedIds)
            {
                observed[mapper.AttributeIndex(id)] = true;
            }
        }
        else
        {
            FashionpediaCategory category = taxonomy.GetCategory(categoryId);
            foreach (FashionpediaAttributeDefinition attribute in taxonomy.AttributesFor(category))
            {
                observed[mapper.AttributeIndex(attribute.Id)] = true;
            }
        }

        foreach (int id in attributeIds)
        {
            int index = mapper.AttributeIndex(id);
            targets[index] = true;
            observed[index] = true;
        }

        return (mapper.CategoryIndex(categoryId), targets, observed);
    }
}
