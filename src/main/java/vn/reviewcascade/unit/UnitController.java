package vn.reviewcascade.unit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
class UnitController {

    private final UnitTree tree;

    UnitController(UnitTree tree) {
        this.tree = tree;
    }

    /** The tree: its levels top down, and its units nested from each root. */
    record Tree(List<TreeLevel> levels, List<UnitNode> roots) {
    }

    record UnitNode(String code, String name, String level, String symbol, UnitGroup drafters, UnitGroup reviewers,
                    UnitGroup signers, List<UnitNode> children) {
    }

    @GetMapping
    Tree tree() {
        return new Tree(tree.levels(), tree.roots().stream().map(this::node).toList());
    }

    private UnitNode node(Unit unit) {
        return new UnitNode(unit.code(), unit.name(), unit.level(), unit.symbol(), unit.drafters(), unit.reviewers(),
                unit.signers(), tree.childrenOf(unit.code()).stream().map(this::node).toList());
    }
}
