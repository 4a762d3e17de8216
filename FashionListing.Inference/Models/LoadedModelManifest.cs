using FashionListing.Inference.Taxonomy;

namespace FashionListing.Inference.Models;

/// <summary>
/// A model folder's manifest after <see cref="ModelManifestLoader.Load"/> checked it: every path made
/// absolute and known to exist, the taxonomy loaded, and the category and attribute ids of the outputs with
/// their defaults filled in.
/// </summary>
/// <param name="Manifest">
/// The manifest as written, with <see cref="ModelManifest.Categories"/> and <see cref="ModelManifest.Attributes"/>
/// set to <paramref name="CategoryIds"/> and <paramref name="AttributeIds"/>.
/// </param>
/// <param name="Folder">The model folder, absolute.</param>
/// <param name="ManifestPath">The <c>model.json</c> file, absolute.</param>
/// <param name="ModelPath">The ONNX file (query and dense layouts), absolute; null for the starter layout.</param>
/// <param name="TaxonomyPath">The taxonomy file, absolute.</param>
/// <param name="Taxonomy">The taxonomy loaded from <paramref name="TaxonomyPath"/>.</param>
/// <param name="CategoryIds">The Fashionpedia category id of each category output, in output order.</param>
/// <param name="AttributeIds">The Fashionpedia attribute id of each attribute output, in output order.</param>
/// <param name="Starter">The starter model's files (starter layout only), absolute.</param>
public sealed record LoadedModelManifest(
    ModelManifest Manifest,
    string Folder,
    string ManifestPath,
    string? ModelPath,
    string TaxonomyPath,
    FashionpediaTaxonomy Taxonomy,
    IReadOnlyList<int> CategoryIds,
    IReadOnlyList<int> AttributeIds,
    StarterModelPaths? Starter)
{
    /// <summary>The output layout.</summary>
    public ModelLayout Layout => Manifest.Layout ?? ModelLayout.Starter;

    /// <summary>The manifest's name, or the folder's name where the manifest gives none.</summary>
    public string Name => string.IsNullOrWhiteSpace(Manifest.Name) ? Path.GetFileName(Folder) : Manifest.Name;

    /// <summary>The input description; null only for a starter manifest that has no input section.</summary>
    public ModelInputSpec? Input => Manifest.Input;

    /// <summary>The output tensors' names; null for the starter layout.</summary>
    public ModelOutputSpec? Outputs => Manifest.Outputs;

    /// <summary>The post-processing settings, defaults filled in.</summary>
    public ModelThresholds Thresholds => Manifest.Thresholds;
}

/// <summary>The starter model's files, absolute paths, each known to exist.</summary>
/// <param name="MaskHead">The mask head's weights (<c>mask-head.bin</c>).</param>
/// <param name="CategoryHead">The category head (<c>category-head.onnx</c>).</param>
/// <param name="CategoryLabels">The category head's labels (<c>category-labels.json</c>).</param>
/// <param name="LabelMap">The map from starter labels to Fashionpedia categories (<c>label-map.json</c>).</param>
public sealed record StarterModelPaths(string MaskHead, string CategoryHead, string CategoryLabels, string LabelMap);
