using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Taxonomy;

/// <summary>Reads the Fashionpedia categories and attributes from the taxonomy JSON shipped with the model.</summary>
public sealed class JsonTaxonomyCatalog : ITaxonomyCatalog
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public JsonTaxonomyCatalog(IOptions<TaxonomyOptions> options)
        : this(options?.Value.ResolvedPath ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public JsonTaxonomyCatalog(string path)
    {
        using FileStream stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<TaxonomyFile>(stream, s_json)
            ?? throw new InvalidDataException($"The taxonomy file {path} is empty.");
        Categories = [.. file.Categories.Select(c => new TaxonomyCategory(c.Id, c.Name, c.Supercategory))];
        Attributes = [.. file.Attributes.Select(a => new TaxonomyAttributeEntry(a.Id, a.Name, a.Supercategory))];
    }

    public IReadOnlyList<TaxonomyCategory> Categories { get; }

    public IReadOnlyList<TaxonomyAttributeEntry> Attributes { get; }

    private sealed record TaxonomyFile(
        IReadOnlyList<TaxonomyEntry> Categories,
        IReadOnlyList<TaxonomyEntry> Attributes);

    private sealed record TaxonomyEntry(int Id, string Name, string Supercategory);
}

/// <summary>Where the taxonomy JSON is (section <c>Taxonomy</c>).</summary>
public sealed class TaxonomyOptions
{
    public const string Section = "Taxonomy";

    /// <summary>The file; a relative path is resolved against the app's binaries, where the build copies it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string File { get; set; } = "models/starter/category_attributes_descriptions.json";

    public string ResolvedPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, File));
}

public static class TaxonomyServiceCollectionExtensions
{
    public static IServiceCollection AddTaxonomyCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TaxonomyOptions>()
            .Bind(configuration.GetSection(TaxonomyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TaxonomyOptions>, TaxonomyFileExists>();
        services.AddSingleton<ITaxonomyCatalog, JsonTaxonomyCatalog>();

        return services;
    }
}

internal sealed class TaxonomyFileExists : IValidateOptions<TaxonomyOptions>
{
    public ValidateOptionsResult Validate(string? name, TaxonomyOptions options) =>
        System.IO.File.Exists(options.ResolvedPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"The taxonomy file {options.ResolvedPath} (setting Taxonomy:File = '{options.File}') does not exist.");
}
