using FashionListing.Inference.Taxonomy;

namespace FashionListing.Web.Taxonomy;

/// <summary>The pickers' view of the Fashionpedia taxonomy that the inference library loaded with the model.</summary>
public sealed class FashionpediaTaxonomyCatalog(FashionpediaTaxonomy taxonomy) : ITaxonomyCatalog
{
    public IReadOnlyList<TaxonomyCategory> Categories { get; } =
        [.. taxonomy.Categories.Select(c => new TaxonomyCategory(c.Id, c.Name, c.Supercategory))];

    public IReadOnlyList<TaxonomyAttributeEntry> Attributes { get; } =
        [.. taxonomy.Attributes.Select(a => new TaxonomyAttributeEntry(a.Id, a.Name, a.Supercategory))];
}

public static class TaxonomyServiceCollectionExtensions
{
    /// <summary>Registers the catalog; the taxonomy itself is registered by <c>AddInference</c>.</summary>
    public static IServiceCollection AddTaxonomyCatalog(this IServiceCollection services)
    {
        services.AddSingleton<ITaxonomyCatalog, FashionpediaTaxonomyCatalog>();

        return services;
    }
}
