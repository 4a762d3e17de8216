using Google.Protobuf;
using Onnx;

namespace FashionListing.Tests.Support.TestModels;

/// <summary>
/// Writes small ONNX graphs of standard opset-17 operators in memory, for test models whose outputs
/// are known functions of their input.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    /// <summary>The opset the graphs use; ONNX Runtime 1.32 runs every operator used here on CPU.</summary>
    public const long Opset = 17;

    private readonly GraphProto _graph;
    private int _next;

    public OnnxGraphBuilder(string graphName)
    {
        _graph = new GraphProto { Name = graphName };
    }

    /// <summary>Declares a float input of a fixed shape and returns its name.</summary>
    public string Input(string name, params long[] dims)
    {
        _graph.Input.Add(FloatValue(name, dims));

        return name;
    }

    /// <summary>Declares a float graph output of a fixed shape, produced by <paramref name="value"/>.</summary>
    public void Output(string name, string value, params long[] dims)
    {
        if (value != name)
        {
            Node("Identity", [value], name);
        }

        _graph.Output.Add(FloatValue(name, dims));
    }

    /// <summary>A float constant (initializer) of the given shape, row-major.</summary>
    public string Constant(float[] values, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, b) => a * b);
        if (values.Length != count)
        {
            throw new ArgumentException($"{values.Length} values for a tensor of {count}.", nameof(values));
        }

        string name = NewName("const");
        TensorProto tensor = new() { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _graph.Initializer.Add(tensor);

        return name;
    }

    /// <summary>A scalar-like float constant of shape [1], which broadcasts against any tensor.</summary>
    public string Scalar(float value) => Constant([value], 1);

    /// <summary>A 64-bit integer constant, for shapes, axes and split sizes.</summary>
    public string Int64s(params long[] values)
    {
        string name = NewName("ints");
        TensorProto tensor = new() { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);

        return name;
    }

    /// <summary>Adds one node with a single output and returns the output's name.</summary>
    public string Node(string opType, string[] inputs, string? output = null, params AttributeProto[] attributes)
    {
        output ??= NewName(opType.ToLowerInvariant());
        NodeProto node = new() { OpType = opType, Name = NewName("node") };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);

        return output;
    }

    /// <summary>Adds one node with several outputs.</summary>
    public string[] Node(string opType, string[] inputs, int outputCount, params AttributeProto[] attributes)
    {
        string[] outputs = Enumerable.Range(0, outputCount).Select(_ => NewName(opType.ToLowerInvariant())).ToArray();
        NodeProto node = new() { OpType = opType, Name = NewName("node") };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);

        return outputs;
    }

    public string Add(string a, string b) => Node("Add", [a, b]);

    public string Sub(string a, string b) => Node("Sub", [a, b]);

    public string Mul(string a, string b) => Node("Mul", [a, b]);

    public string Max(string a, string b) => Node("Max", [a, b]);

    public string Concat(long axis, params string[] inputs) => Node("Concat", inputs, null, Int("axis", axis));

    public string Reshape(string input, params long[] shape) => Node("Reshape", [input, Int64s(shape)]);

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        AttributeProto attribute = new() { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);

        return attribute;
    }

    /// <summary>The finished model, serialised.</summary>
    public byte[] ToBytes()
    {
        ModelProto model = new()
        {
            IrVersion = 8,
            ProducerName = "FashionListing.Tests",
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });

        return model.ToByteArray();
    }

    private string NewName(string prefix) => $"{prefix}_{_next++}";

    private static ValueInfoProto FloatValue(string name, long[] dims)
    {
        TensorShapeProto shape = new();
        foreach (long dim in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor
                {
                    ElemType = (int)TensorProto.Types.DataType.Float,
                    Shape = shape,
                },
            },
        };
    }
}
