package vn.reviewcascade.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.unit.Level;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitGroup;
import vn.reviewcascade.unit.UnitTree;

@RestController
@RequestMapping("/api/units")
class UnitController {

    private final UnitTree tree;

    UnitController(UnitTree tree) {
        this.tree = tree;
    }

    record UnitNode(String code, String name, Level level, String symbol, UnitGroup drafters, UnitGroup reviewers,
                    UnitGroup signers, List<UnitNode> children) {
    }

    /** The whole tree, nested from each root. */
    @GetMapping
    List<UnitNode> tree() {
        return tree.roots().stream().map(this::node).toList();
    }

    private UnitNode node(Unit unit) {
        return new UnitNode(unit.code(), unit.name(), unit.level(), unit.symbol(), unit.drafters(), unit.reviewers(),
                unit.signers(), tree.childrenOf(unit.code()).stream().map(this::node).toList());
    }
}
