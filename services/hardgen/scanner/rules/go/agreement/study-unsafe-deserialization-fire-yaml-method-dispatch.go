// hardgen-expect: go/study/unsafe-deserialization
package main

import (
	"log"
	"net/http"
	"reflect"

	"gopkg.in/yaml.v3"
)

type actions struct{}

func (actions) Archive() string { return "archived" }
func (actions) Publish() string { return "published" }

// The payload names the method that is invoked.
func runTask(w http.ResponseWriter, r *http.Request) {
	var task map[string]any
	if err := yaml.NewDecoder(r.Body).Decode(&task); err != nil {
		http.Error(w, "invalid task", http.StatusBadRequest)
		return
	}
	name, _ := task["action"].(string)
	method := reflect.ValueOf(actions{}).MethodByName(name)
	if !method.IsValid() {
		http.Error(w, "unknown action", http.StatusBadRequest)
		return
	}
	method.Call(nil)
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	http.HandleFunc("/task", runTask)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
