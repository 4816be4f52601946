package io.adplane.users.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.users.CustomerOperationDetails;
import io.adplane.users.CustomerOperations;
import io.adplane.users.LabelAdded;
import io.adplane.users.LabelPage;
import io.adplane.users.Message;

/** IQM's customer operations: the workspace's operational data about its customers, and its labels. */
@RestController
class CustomerOperationController {

    private final CustomerOperations operations;

    CustomerOperationController(CustomerOperations operations) {
        this.operations = operations;
    }

    @GetMapping("/api/v3/ua/customer-operations/details/{owId}")
    V3Response<CustomerOperationDetails> details(Caller caller, @PathVariable long owId) {
        return V3Response.ok(operations.details(caller, owId));
    }

    @PatchMapping("/api/v3/ua/customer-operations/{owId}")
    V3Response<Message> update(Caller caller, @PathVariable long owId, @RequestBody CustomerOperations.Update body) {
        return V3Response.ok(operations.update(caller, owId, body));
    }

    @PostMapping("/api/v3/ua/customer-operations/label/add")
    V3Response<LabelAdded> addLabel(Caller caller, @RequestBody CustomerOperations.NewLabel body) {
        return V3Response.ok(operations.addLabel(caller, body));
    }

    @GetMapping("/api/v3/ua/customer-operations/label/list")
    V3Response<LabelPage> labels(Caller caller, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer noOfEntries, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) String sortBy) {
        return V3Response.ok(operations.labels(caller, searchField, noOfEntries, pageNo, sortBy));
    }
}
