/// One ordered group-by for the whole core: groups keep the order in which their key first appears.
extension Sequence {
    /// The elements grouped by `key`, groups in first-seen order, members in sequence order.
    public func orderedGroups<Key: Hashable>(by key: (Element) throws -> Key) rethrows -> [(key: Key, members: [Element])] {
        var index: [Key: Int] = [:]
        var groups: [(key: Key, members: [Element])] = []
        for element in self {
            let k = try key(element)
            if let at = index[k] {
                groups[at].members.append(element)
            } else {
                index[k] = groups.count
                groups.append((k, [element]))
            }
        }
        return groups
    }
}
