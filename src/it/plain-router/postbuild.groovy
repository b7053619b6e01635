// The embedding guide lists this consumer's dependency tree: it must be the one Maven resolves.
def tree = new File(basedir, 'dependency-tree.txt').text.trim().replace('\r', '')
def guide = new File(basedir, '../../../docs/embedding.md').text.replace('\r', '')
def shown = guide =~ /(?s)<!-- dependency-tree:plain-router -->\n```\n(.*?)\n```\n<!-- dependency-tree:end -->/
assert shown.find() : 'docs/embedding.md has no dependency-tree:plain-router block'
assert shown.group(1).trim() == tree : 'docs/embedding.md lists another dependency tree than mvn dependency:tree:\n' + tree
