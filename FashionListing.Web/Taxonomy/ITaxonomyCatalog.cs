namespace FashionListing.Web.Taxonomy;

/// <summary>The names a seller can pick from when changing a category or adding an attribute.</summary>
public interface ITaxonomyCatalog
{
    IReadOnlyList<TaxonomyCategory> Categories { get; }

    IReadOnlyList<TaxonomyAttributeEntry> Attributes { get; }
}

public sealed record TaxonomyCategory(int Id, string Name, string Supercategory);

public sealed record TaxonomyAttributeEntry(int Id, string Name, string Supercategory);
